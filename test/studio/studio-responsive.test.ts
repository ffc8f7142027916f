// The Studio on a phone (375 px wide) in a real browser: the nav folds into a menu, nothing scrolls
// sideways, the chat input is on the first screen, and chat replies, the run inspector, the tables and
// the Workflows empty state all work there. RIPTIDE_SCREENSHOTS=1 writes docs/screenshots/mobile-*.png.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe-check.js';
import { launchStudioBrowser, type StudioBrowser } from './studio-browser.js';
import { LONG, see, studioPage } from './studio-page.js';
import { REPO_ROOT, type StudioServer, startStudioServer } from './studio-server.js';
import { VIEWS, viewShot } from './studio-views.js';

const PHONE = { width: 375, height: 740 };

describe('Studio at 375 px wide', () => {
  let server: StudioServer;
  let studio: StudioBrowser;
  let page: Page;

  const { openView, replyWith, screenshot } = studioPage(() => ({ baseUrl: server.baseUrl, page }), {
    screenshotPrefix: 'mobile-',
  });
  // The tour's screenshots go under docs/screenshots/views/ with the width in their names, not the prefix.
  const tour = studioPage(() => ({ baseUrl: server.baseUrl, page }), { fromTop: true });
  /** Nothing on the page is wider than the screen (tables scroll inside their own box). */
  const expectNoSidewaysScroll = async (where: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page width on ${where}`).toBeLessThanOrEqual(PHONE.width);
  };

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'studio/dist/index.html'))) {
      throw new Error('studio/dist is missing: run `npm run build:studio` before these tests');
    }
    server = await startStudioServer();
    studio = await launchStudioBrowser(PHONE);
    page = studio.page;
  }, LONG);

  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.error(`riptide serve output:\n${server?.output()}`);
  });

  afterAll(async () => {
    await studio?.close();
    await server?.stop();
  });

  it(
    'the nav is a menu: hidden until opened, and it closes after choosing a view',
    async () => {
      await openView('/chat', 'Chat');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = page.getByRole('button', { name: 'Menu' });
      await see(nav).toBeHidden();
      await see(menu).toHaveAttribute('aria-expanded', 'false');
      await menu.click();
      await see(nav).toBeVisible();
      await see(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
      await screenshot('menu');
      expect(await seriousAxeViolations(page), 'axe with the menu open').toEqual([]);
      await nav.getByRole('link', { name: 'History', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
      await see(nav).toBeHidden();
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG,
  );

  it(
    'Chat: the input is on the first screen, and a reply shows its status, metrics and tool calls',
    async () => {
      await openView('/chat?session=phone-chat', 'Chat');
      const input = page.getByLabel('Message');
      const box = (await input.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      await input.fill('compute 21 * 2');
      await page.getByRole('button', { name: 'Send' }).click();
      const reply = replyWith(/\b42\b/).first();
      await see(reply.locator('.reply-meta .status')).toHaveText('completed', { timeout: 60_000 });
      await see(reply.locator('details.tool-call').filter({ hasText: 'calculator' })).toBeVisible();
      await reply.locator('details.tool-call summary').first().click();
      await expectNoSidewaysScroll('chat');
      await reply.scrollIntoViewIfNeeded();
      await screenshot('chat');
      expect(await seriousAxeViolations(page), 'axe on chat').toEqual([]);

      // The run inspector, from the reply.
      await reply.getByRole('link', { name: 'Inspect run' }).click();
      await page.getByRole('heading', { level: 1, name: 'Run' }).waitFor();
      const graph = page.getByRole('region', { name: 'Run graph' });
      await graph.locator('.run-node[data-node="worker"] button').click();
      await see(graph.getByRole('region', { name: 'Node worker' }).locator('details.model-call').first()).toBeVisible();
      await expectNoSidewaysScroll('run page');
      await graph.scrollIntoViewIfNeeded();
      await screenshot('run-inspector');
      expect(await seriousAxeViolations(page), 'axe on the run page').toEqual([]);
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG,
  );

  it(
    'History, Tools and Roles: the tables fit the screen (scrolling inside their box) and still sort and page',
    async () => {
      await openView('/history', 'History');
      const runs = page.getByRole('table', { name: 'Runs' });
      await see(runs.locator('tbody tr .run-link').first()).toBeVisible();
      await expectNoSidewaysScroll('history');
      await screenshot('history');
      expect(await seriousAxeViolations(page), 'axe on history').toEqual([]);

      await openView('/roles', 'Roles');
      const roles = page.getByRole('table', { name: 'Roles' });
      await see(roles.locator('tbody tr')).toHaveCount(25);
      await roles.getByRole('button', { name: /^Name/ }).click();
      await see(roles.locator('th[aria-sort="ascending"]')).toHaveText(/Name/);
      await page.getByRole('button', { name: 'Next page' }).click();
      await see(page.getByRole('navigation', { name: 'Roles pages' })).toContainText('Page 2 of');
      await expectNoSidewaysScroll('roles');
      await screenshot('roles');

      await openView('/tools', 'Tools');
      await see(page.getByRole('table', { name: 'Tools' }).locator('tbody tr').first()).toBeVisible();
      await expectNoSidewaysScroll('tools');
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG,
  );

  it(
    'Workflows: the empty canvas teaches, Run and Delete are disabled, and the example loads',
    async () => {
      await openView('/workflows', 'Workflows');
      await see(page.getByRole('button', { name: 'Run workflow' })).toBeDisabled();
      await see(page.getByRole('button', { name: 'Delete workflow' })).toBeDisabled();
      await expectNoSidewaysScroll('workflows');
      await page.getByRole('button', { name: 'Load the example workflow' }).scrollIntoViewIfNeeded();
      await screenshot('workflows-empty');
      await page.getByRole('button', { name: 'Load the example workflow' }).click();
      await see(page.locator('.react-flow__node')).toHaveCount(3);
      await see(page.getByRole('button', { name: 'Run workflow' })).toBeEnabled();
      expect(studio.takeConsoleErrors()).toEqual([]);
    },
    LONG,
  );

  it(
    'the dark theme passes axe on a phone too',
    async () => {
      await openView('/chat?session=phone-chat', 'Chat');
      await page.getByRole('button', { name: /Dark theme/ }).click();
      await see(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.locator('.message.assistant .reply-meta').first().waitFor();
      expect(await seriousAxeViolations(page), 'axe on chat (dark)').toEqual([]);
      await openView('/history', 'History');
      await page.locator('tbody tr .run-link').first().waitFor();
      expect(await seriousAxeViolations(page), 'axe on history (dark)').toEqual([]);
      await screenshot('history-dark');
      await page.getByRole('button', { name: /Dark theme/ }).click();
    },
    LONG,
  );

  it(
    'every view, and the run page, fits the phone in both themes with no console errors or serious axe findings',
    async () => {
      // The chat session of the test above: its reply is what the Chat view waits for.
      const views = VIEWS.map((view) => (view.title === 'Chat' ? { ...view, path: '/chat?session=phone-chat' } : view));
      const runs = (await fetch(`${server.baseUrl}/api/runs?status=completed&limit=1`).then((response) =>
        response.json(),
      )) as { thread_id: string }[];
      for (const theme of ['light', 'dark'] as const) {
        await openView('/chat?session=phone-chat', 'Chat');
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
          await page.getByRole('button', { name: /Dark theme/ }).click();
        }
        await see(page.locator('html')).toHaveAttribute('data-theme', theme);
        for (const view of views) {
          await openView(view.path, view.title);
          await view.ready(page);
          await expectNoSidewaysScroll(`${view.path} (${theme})`);
          expect(await seriousAxeViolations(page), `axe on ${view.path} (${theme})`).toEqual([]);
          expect(studio.takeConsoleErrors(), `${view.path} (${theme})`).toEqual([]);
          await tour.screenshot(viewShot(view.title, 'phone', theme));
        }
        await openView(`/runs/${runs[0].thread_id}`, 'Run');
        await page.getByRole('region', { name: 'Run graph' }).locator('.run-node').first().waitFor();
        await expectNoSidewaysScroll(`the run page (${theme})`);
        expect(await seriousAxeViolations(page), `axe on the run page (${theme})`).toEqual([]);
        await tour.screenshot(viewShot('Run', 'phone', theme));
      }
      await page.getByRole('button', { name: /Dark theme/ }).click();
      await see(page.locator('html')).toHaveAttribute('data-theme', 'light');
    },
    LONG * 3,
  );
});
