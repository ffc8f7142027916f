// Browser tests of the Studio against a real `riptide serve` (offline model, temp data dir), driven by
// playwright-core on Debian's Chromium. RIPTIDE_SCREENSHOTS=1 also writes docs/screenshots/<view>.png.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe-check.js';
import { launchStudioBrowser, type StudioBrowser } from './studio-browser.js';
import { REPO_ROOT, type StudioServer, startStudioServer } from './studio-server.js';
import { VIEWS } from './studio-views.js';

const SCREENSHOTS = process.env.RIPTIDE_SCREENSHOTS === '1';
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs/screenshots');
const LONG = 120_000;
/** Retry DOM checks until the UI has caught up (React Flow draws edges after it measures nodes). */
const POLL = { timeout: 15_000 };

describe('Studio in a real browser', () => {
  let server: StudioServer;
  let studio: StudioBrowser;
  let page: Page;

  const url = (route: string) => `${server.baseUrl}${route}`;
  const screenshot = async (name: string) => {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Clicking scrolls things into view; a screenshot should show each view as a person first sees it.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('.table-wrap').forEach((element) => {
        element.scrollLeft = 0;
      });
    });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
  };
  const expectNoConsoleErrors = (where: string) => expect(studio.takeConsoleErrors(), where).toEqual([]);
  const openView = async (route: string, title: string) => {
    await page.goto(url(route));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'studio/dist/index.html'))) {
      throw new Error('studio/dist is missing: run `npm run build:studio` before these tests');
    }
    // Per-tenant budgets give the Costs view budgets and remaining amounts to show.
    server = await startStudioServer({ RIPTIDE_TENANT_BUDGETS: JSON.stringify({ default: 5, acme: 0.5 }) });
    studio = await launchStudioBrowser();
    page = studio.page;
  }, LONG);

  afterEach((context) => {
    // The server's own log explains most failures (a 500, a crashed route), so show it with the failure.
    if (context.task.result?.state === 'fail') console.error(`riptide serve output:\n${server?.output()}`);
  });

  afterAll(async () => {
    await studio?.close();
    await server?.stop();
  });

  it('serves the SPA at / and at client routes (History API fallback)', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/chat');
    await openView('/roles', 'Roles');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tools' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tools');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
    expectNoConsoleErrors('navigation');
  });

  it(
    'Chat: a message gets an answer with 42 for "compute 21 * 2", with reply details',
    async () => {
      await openView('/chat?session=studio-chat', 'Chat');
      await page.getByLabel('Message').fill('compute 21 * 2');
      await page.getByRole('button', { name: 'Send' }).click();
      const reply = page.locator('.message.assistant .message-text').filter({ hasText: /\b42\b/ });
      await reply.first().waitFor({ timeout: 60_000 });
      await page.locator('.message.assistant details.reply-details').first().waitFor();
      // The turn is persisted on the server: it shows up again after a reload.
      await page.reload();
      await page
        .locator('.message.assistant .message-text')
        .filter({ hasText: /\b42\b/ })
        .first()
        .waitFor();
      await expect
        .poll(() => page.locator('.session-item[aria-current="true"]').textContent(), POLL)
        .toContain('studio-chat');
      // A second turn in the same session, then its details opened for the screenshot.
      await page.getByLabel('Message').fill('compute 6 * 7');
      await page.getByRole('button', { name: 'Send' }).click();
      await page
        .locator('.message.assistant .message-text')
        .filter({ hasText: /\b42\b/ })
        .nth(1)
        .waitFor({ timeout: 60_000 });
      await page.locator('.message.assistant details.reply-details summary').last().click();
      await screenshot('chat');
      expectNoConsoleErrors('chat');
    },
    LONG,
  );

  it(
    'Chat: with "ask before running tools", saving a note shows the approval card and Approve completes the run',
    async () => {
      await openView('/chat?session=studio-approvals', 'Chat');
      await page.getByLabel('Ask before running tools').check();
      await page.getByLabel('Message').fill('save a note about water');
      await page.getByRole('button', { name: 'Send' }).click();
      const card = page.locator('section.approval');
      await card.getByRole('heading', { name: 'Approve tool call?' }).waitFor({ timeout: 60_000 });
      await expect.poll(() => card.textContent(), POLL).toMatch(/note/i);
      await screenshot('chat-approval');
      await card.getByRole('button', { name: 'Approve' }).click();
      await card.waitFor({ state: 'detached', timeout: 60_000 });
      const details = page.locator('.message.assistant details.reply-details');
      await details.first().waitFor({ timeout: 60_000 });
      await details.first().locator('summary').click();
      await expect.poll(() => details.first().textContent(), POLL).toMatch(/note/i);
      expect(await page.locator('.alert.error').count()).toBe(0);
      expectNoConsoleErrors('chat approvals');
    },
    LONG,
  );

  it(
    'Chat: the direct token stream answers without the graph, and a session can be cleared',
    async () => {
      await openView('/chat?session=studio-direct', 'Chat');
      await page.getByLabel('Direct token stream').check();
      await page.getByLabel('Message').fill('hello there');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('mode: direct (one model call, no graph)').waitFor({ timeout: 60_000 });
      const reply = (await page.locator('.message.assistant .message-text').last().textContent()) ?? '';
      expect(reply.trim().length).toBeGreaterThan(0);
      await page.locator('.session-item').filter({ hasText: 'studio-direct' }).filter({ hasText: '1 turns' }).waitFor();
      await page.getByRole('button', { name: 'Clear session' }).click();
      await page.getByText('No messages yet.').waitFor();
      expectNoConsoleErrors('chat direct');
    },
    LONG,
  );

  it(
    'Tool Runner: calculator returns 391 for 17 * 23, and bad arguments show the API message',
    async () => {
      await openView('/tool-runner?tool=calculator', 'Tool Runner');
      await page.getByLabel(/^expression/).fill('17 * 23');
      await page.getByRole('button', { name: 'Invoke' }).click();
      await expect.poll(() => page.getByTestId('tool-result').textContent({ timeout: 30_000 }), POLL).toContain('391');
      await screenshot('tool-runner');
      await page.getByLabel(/^expression/).fill('17 *');
      await page.getByRole('button', { name: 'Invoke' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect.poll(() => alert.textContent(), POLL).toMatch(/17 \*/);
      // A 400 is logged by the browser as a failed resource; that is the expected answer here.
      studio.takeConsoleErrors();
    },
    LONG,
  );

  it(
    'Workflows: build a 3-node graph by UI actions, save, reload, run it and see the result',
    async () => {
      await openView('/workflows', 'Workflows');
      await page.getByLabel('Workflow name').fill('studio-flow');
      await page.getByLabel('Goal').fill('research water and write a summary');
      const addStep = page.getByRole('form', { name: 'Add step' });
      await addStep.getByLabel('Role').locator('option').first().waitFor({ state: 'attached' });
      const subtasks = ['compute 6 * 7', 'look up facts about water', 'summarize the findings'];
      const roles = ['analyst', 'researcher', 'scribe'];
      for (const [index, subtask] of subtasks.entries()) {
        await addStep.getByLabel('Role').selectOption(roles[index]);
        await addStep.getByLabel('Subtask').fill(subtask);
        await addStep.getByLabel('Label').fill(`step ${index + 1}`);
        await addStep.getByRole('button', { name: 'Add step' }).click();
      }
      await expect.poll(() => page.locator('.react-flow__node').count(), POLL).toBe(3);

      // n1 → n2 by dragging from the source handle to the target handle on the canvas.
      const from = page.locator('.react-flow__node[data-id="n1"] .react-flow__handle.source');
      const to = page.locator('.react-flow__node[data-id="n2"] .react-flow__handle.target');
      const fromBox = (await from.boundingBox())!;
      const toBox = (await to.boundingBox())!;
      await page.mouse.move(fromBox.x + fromBox.width / 2, fromBox.y + fromBox.height / 2);
      await page.mouse.down();
      await page.mouse.move(toBox.x + toBox.width / 2, toBox.y + toBox.height / 2, { steps: 12 });
      await page.mouse.up();
      // A straight vertical edge has a zero-width box, which Playwright calls hidden: wait for it to exist.
      await page.locator('.react-flow__edge[data-id="n1->n2"]').waitFor({ state: 'attached' });

      // n2 → n3 with the keyboard-friendly form.
      const addEdge = page.getByRole('form', { name: 'Add dependency' });
      await addEdge.getByLabel('From step').selectOption('n2');
      await addEdge.getByLabel('To step').selectOption('n3');
      await addEdge.getByRole('button', { name: 'Add dependency' }).click();
      await expect.poll(() => page.locator('.react-flow__edge').count(), POLL).toBe(2);

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved “studio-flow”.').waitFor();
      expect(new URL(page.url()).searchParams.get('name')).toBe('studio-flow');

      await page.reload();
      await page.getByText('Loaded “studio-flow”.').waitFor();
      await expect.poll(() => page.locator('.react-flow__node').count(), POLL).toBe(3);
      await expect.poll(() => page.locator('.react-flow__edge').count(), POLL).toBe(2);

      await page.getByRole('button', { name: 'Run workflow' }).click();
      const answer = page.getByRole('region', { name: 'Workflow result' }).getByTestId('final-answer');
      await answer.waitFor({ timeout: 90_000 });
      expect((await answer.textContent())?.trim().length).toBeGreaterThan(0);
      // Each node is marked done by its own `step` completed event from the server (nothing is inferred).
      await expect.poll(() => page.locator('.step-node.status-done').count(), POLL).toBe(3);
      expect(await page.locator('.step-node.status-failed').count()).toBe(0);
      await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
      await screenshot('workflows');
      expectNoConsoleErrors('workflows');
    },
    LONG,
  );

  it(
    'Workflows: an invalid graph shows the server’s problems inline',
    async () => {
      await openView('/workflows', 'Workflows');
      await page.getByLabel('Workflow name').fill('empty-flow');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The server rejected the workflow' });
      await alert.waitFor();
      await expect.poll(() => alert.textContent(), POLL).toMatch(/node|empty/i);
      studio.takeConsoleErrors(); // the 422 itself is logged as a failed resource
    },
    LONG,
  );

  it(
    'Playground: runs a task with the live trace and shows the run inspector',
    async () => {
      await openView('/playground', 'Playground');
      await page.getByLabel('Task').fill('compute 21 * 2');
      await page.getByLabel('Tenant id').fill('acme');
      await page.getByLabel('Critic', { exact: true }).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const inspector = page.getByRole('article', { name: 'Run inspector' });
      await inspector.waitFor({ timeout: 60_000 });
      await expect.poll(() => inspector.getByTestId('final-answer').textContent(), POLL).toMatch(/\b42\b/);
      await expect.poll(() => inspector.locator('.timeline-row').count(), POLL).toBeGreaterThan(1);
      await screenshot('playground');
      expectNoConsoleErrors('playground');
    },
    LONG,
  );

  it(
    'History: lists runs, opens one in the inspector, and resumes a pending run from the inbox',
    async () => {
      // A pending run made through the API lands in the approvals inbox.
      const pending = await fetch(url('/api/run/interactive'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ task: 'save a note about tides' }),
      }).then((response) => response.json() as Promise<{ status: string; thread_id: string }>);
      expect(pending.status).toBe('pending_approval');

      await openView('/history', 'History');
      await page.getByLabel('Status').selectOption('pending');
      const row = page.locator('tbody tr').filter({ hasText: 'save a note about tides' });
      await row.getByRole('button', { name: /Review/ }).click();
      const card = page.locator('section.approval');
      await card.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Resumed — the run finished.').waitFor({ timeout: 60_000 });
      await page.getByRole('article', { name: 'Run inspector' }).waitFor();

      await page.getByLabel('Status').selectOption('completed');
      await page
        .locator('tbody tr')
        .filter({ hasText: 'compute 21 * 2' })
        .first()
        .getByRole('button', { name: /Open/ })
        .click();
      await expect.poll(() => page.getByTestId('final-answer').textContent(), POLL).toMatch(/\b42\b/);
      await screenshot('history');
      expectNoConsoleErrors('history');
    },
    LONG,
  );

  it(
    'Eval: runs the offline suite with progress and shows the report',
    async () => {
      await openView('/eval', 'Eval');
      await page.getByRole('button', { name: 'Run eval suite' }).click();
      await page.getByRole('status').filter({ hasText: 'Running the suite' }).waitFor();
      const table = page.getByRole('table', { name: 'Eval report' });
      await table.waitFor({ timeout: 110_000 });
      await expect.poll(() => table.locator('tbody tr').count(), POLL).toBeGreaterThan(0);
      await screenshot('eval');
      expectNoConsoleErrors('eval');
    },
    LONG + 60_000,
  );

  it(
    'every view renders its data with no console errors and no serious axe violations (light theme)',
    async () => {
      for (const view of VIEWS) {
        await openView(view.path, view.title);
        await view.ready(page);
        expectNoConsoleErrors(view.path);
        expect(await seriousAxeViolations(page), `axe on ${view.path} (light)`).toEqual([]);
        if (['/tools', '/roles', '/monitoring', '/costs', '/mcp'].includes(view.path)) {
          await screenshot(view.path.slice(1));
        }
      }
    },
    LONG * 2,
  );

  it(
    'the dark theme toggles, persists across reload, and passes axe on every view',
    async () => {
      await openView('/chat', 'Chat');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      const toggle = page.getByRole('button', { name: /Dark theme/ });
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await expect.poll(() => toggle.getAttribute('aria-pressed'), POLL).toBe('true');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      for (const view of VIEWS) {
        await openView(view.path, view.title);
        await view.ready(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        expectNoConsoleErrors(`${view.path} (dark)`);
        expect(await seriousAxeViolations(page), `axe on ${view.path} (dark)`).toEqual([]);
      }
      await openView('/monitoring', 'Monitoring');
      await page.locator('.kpi').first().waitFor();
      await screenshot('monitoring-dark');
      await openView('/chat?session=studio-chat', 'Chat');
      await page.locator('.message.assistant').first().waitFor();
      await screenshot('chat-dark');
      // Back to light so later tests and screenshots start from the default.
      await page.getByRole('button', { name: /Dark theme/ }).click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    },
    LONG * 2,
  );

  it(
    'keyboard: the skip link is the first stop and moves focus to the main content',
    async () => {
      await openView('/tools', 'Tools');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent);
      expect(first).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    },
    LONG,
  );

  it(
    'Connections: after saving a key, the page and every API response show only the mask',
    async () => {
      const secret = 'sk-studio-SECRET-key-9f8e7d6c';
      const bodies: Promise<string>[] = [];
      const onResponse = (response: Response) => {
        if (response.url().startsWith(server.baseUrl)) bodies.push(response.text().catch(() => ''));
      };
      page.on('response', onResponse);
      try {
        await openView('/connections', 'Connections');
        await page.getByTestId('key-mask').waitFor();
        await page.getByLabel('API key').fill(secret);
        await page.getByRole('button', { name: 'Save connection' }).click();
        await page.getByText('Saved. The key is held in memory only.').waitFor();
        await expect.poll(() => page.getByLabel('API key').inputValue(), POLL).toBe('');
        const mask = page.getByTestId('key-mask');
        const masked = (await mask.textContent()) ?? '';
        expect(masked).not.toBe('not set');
        expect(masked).not.toContain(secret.slice(0, 8));
        await page.getByRole('button', { name: 'Test connection' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /Connected|Connection failed/ })
          .waitFor({ timeout: 30_000 });
        await screenshot('connections');
        await page.reload();
        await page.getByTestId('key-mask').waitFor();
        await openView('/chat', 'Chat');
        const html = await page.content();
        expect(html).not.toContain(secret);
        await openView('/connections', 'Connections');
        await page.getByTestId('key-mask').waitFor();
        expect(await page.content()).not.toContain(secret);
        const texts = await Promise.all(bodies);
        expect(texts.length).toBeGreaterThan(3);
        for (const text of texts) expect(text).not.toContain(secret);
        expect(texts.some((text) => text.includes('key_masked'))).toBe(true);
        expectNoConsoleErrors('connections');
      } finally {
        page.off('response', onResponse);
      }
    },
    LONG,
  );
});
