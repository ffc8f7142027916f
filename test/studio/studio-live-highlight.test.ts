// Browser tests of the live highlight while a run streams: Playground, Chat and Workflows mark the
// newest node as the server reports it. The model is a local OpenAI-compatible server that holds each
// reply until the test has seen the page in that state, so every check looks at a run that is still
// going, and the test releases the next reply only after it has seen the highlight where it belongs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CallPurpose, type GatedModel, startGatedModel } from './gated-model.js';
import { launchStudioBrowser, type StudioBrowser } from './studio-browser.js';
import { LONG, see, studioPage } from './studio-page.js';
import { REPO_ROOT, type StudioServer, startStudioServer } from './studio-server.js';

describe('Studio highlights the newest node while a run streams', () => {
  let model: GatedModel;
  let server: StudioServer;
  let studio: StudioBrowser;
  let page: Page;
  const { openView, screenshot } = studioPage(() => ({ baseUrl: server.baseUrl, page }));

  /** Waits until exactly this model call is held, i.e. the run is parked inside that work. */
  const waitUntilHeld = async (purpose: CallPurpose, subtask?: string) => {
    await see
      .poll(
        () => model.held().map((call) => (subtask === undefined ? call.purpose : `${call.purpose}:${call.subtask}`)),
        {
          timeout: 60_000,
        },
      )
      .toEqual([subtask === undefined ? purpose : `${purpose}:${subtask}`]);
  };
  const release = (purpose: CallPurpose) => model.release((call) => call.purpose === purpose);

  /** The graph's highlight sits on `node`, and on that node only, with a placeholder for the one running. */
  const expectHighlightOn = async (graph: Locator, node: string) => {
    const latest = graph.locator('.run-node.latest');
    await see(latest).toHaveCount(1);
    await see(latest).toHaveAttribute('data-node', node);
    await see(latest).toContainText('(just finished)');
    await see(graph.locator('.run-node.running')).toContainText('next node running');
  };

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'studio/dist/index.html'))) {
      throw new Error('studio/dist is missing: run `npm run build:studio` before these tests');
    }
    model = await startGatedModel();
    server = await startStudioServer({
      RIPTIDE_PROVIDER: 'custom',
      RIPTIDE_API_BASE: model.url,
      RIPTIDE_MODEL: 'fake-model',
      // Held replies are the point of these tests; the client must not give up on them.
      RIPTIDE_MODEL_TIMEOUT_MS: '600000',
    });
    studio = await launchStudioBrowser();
    page = studio.page;
  }, LONG);

  beforeEach(() => model.hold());

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.error(`riptide serve output:\n${server?.output()}`);
    // Let a run a failed test left parked finish before the next test holds calls again.
    model.open();
    await see
      .poll(async () => {
        const runs = (await fetch(`${server.baseUrl}/api/runs?status=running&limit=5`).then((response) =>
          response.json(),
        )) as unknown[];
        return runs.length;
      })
      .toBe(0);
  });

  afterAll(async () => {
    await studio?.close();
    await server?.stop();
    await model?.close();
  });

  it(
    'Playground: the highlight sits on each finished node while the next one works, then moves on',
    async () => {
      await openView('/playground', 'Playground');
      await page.getByLabel('Task').fill('compute 21 * 2');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const graph = page.getByRole('region', { name: 'Live trace' });
      // Starting a run brings the live graph into view, wherever the Run button left the page.
      await see(graph).toBeInViewport({ ratio: 1 });

      // The planner is thinking: guard_input and recall are done, recall is the newest.
      await waitUntilHeld('planner');
      await expectHighlightOn(graph, 'recall');
      release('planner');

      // The worker is thinking: the orchestrator has just finished.
      await waitUntilHeld('worker');
      await expectHighlightOn(graph, 'orchestrator');
      await screenshot('playground-live');
      release('worker');

      // The final answer is being written: the highlight has moved from the orchestrator to the worker.
      await waitUntilHeld('finalize');
      await expectHighlightOn(graph, 'worker');
      await see(graph.locator('.run-node[data-node="orchestrator"]')).not.toHaveClass(/\blatest\b/);
      expect(
        await graph
          .locator('.run-node:not(.running)')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node'))),
      ).toEqual(['guard_input', 'recall', 'orchestrator', 'worker']);

      // Once the run ends the live graph gives way to the inspector.
      model.open();
      await see(graph).toHaveCount(0, { timeout: 60_000 });
      await see(page.getByRole('heading', { level: 2, name: 'Answer' })).toBeVisible();
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG * 2,
  );

  it(
    'Chat: the working reply highlights the newest node and follows the run to its answer',
    async () => {
      await openView('/chat?session=studio-live-highlight', 'Chat');
      await page.getByLabel('Message').fill('compute 21 * 2');
      await page.getByRole('button', { name: 'Send' }).click();
      const reply = page.locator('.message.assistant').last();
      const graph = reply.locator('.run-graph');

      await waitUntilHeld('planner');
      release('planner');
      await waitUntilHeld('worker');
      await expectHighlightOn(graph, 'orchestrator');
      // Clicking Run scrolled the page to the button; the picture is of the live graph.
      await graph.scrollIntoViewIfNeeded();
      await screenshot('chat-live');
      release('worker');

      await waitUntilHeld('finalize');
      await expectHighlightOn(graph, 'worker');

      model.open();
      await see(reply.locator('.reply-meta .status')).toHaveText('completed', { timeout: 60_000 });
      await see(reply.locator('.run-graph')).toHaveCount(0);
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG * 2,
  );

  it(
    'Workflows: the canvas lights the running step, and the light moves step by step as each finishes',
    async () => {
      await openView('/workflows', 'Workflows');
      await page.getByRole('button', { name: 'Load the example workflow' }).click();
      await page.getByRole('button', { name: 'Run workflow' }).click();
      const step = (id: string) => page.locator(`.step-node[data-step-id="${id}"]`);

      await waitUntilHeld('worker', 'compute 6 * 7');
      await see(step('n1')).toHaveClass(/\bstatus-running\b/);
      await see(step('n1').locator('.step-status')).toHaveText('running');
      await see(step('n2')).not.toHaveClass(/\bstatus-(running|done)\b/);
      await see(step('n3')).not.toHaveClass(/\bstatus-(running|done)\b/);
      // Clicking Run scrolled the page to the button; the picture is of the live graph.
      await step('n1').scrollIntoViewIfNeeded();
      await screenshot('workflows-live');
      model.release((call) => call.subtask === 'compute 6 * 7');

      await waitUntilHeld('worker', 'look up facts about water');
      await see(step('n2')).toHaveClass(/\bstatus-running\b/);
      await see(step('n1')).toHaveClass(/\bstatus-done\b/);
      await see(step('n3')).not.toHaveClass(/\bstatus-(running|done)\b/);
      model.release((call) => call.subtask === 'look up facts about water');

      await waitUntilHeld('worker', 'summarize the findings');
      await see(step('n3')).toHaveClass(/\bstatus-running\b/);
      await see(step('n2')).toHaveClass(/\bstatus-done\b/);
      // The run graph beside the canvas: the orchestrator is the newest finished node while steps work.
      await expectHighlightOn(page.getByRole('region', { name: 'Workflow trace' }), 'orchestrator');

      model.open();
      await see(step('n3')).toHaveClass(/\bstatus-done\b/, { timeout: 60_000 });
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG * 2,
  );
});
