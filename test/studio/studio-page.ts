// What every Studio browser test does with its page: open a view and wait for its heading, find chat
// replies by their answer, save screenshots to docs/screenshots/ (RIPTIDE_SCREENSHOTS=1), and assert
// with Playwright's auto-waiting `expect` (it retries until the page shows the state).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './studio-server.js';

export const LONG = 120_000;
export const see = playwrightExpect.configure({ timeout: 20_000 });

const SCREENSHOTS = process.env.RIPTIDE_SCREENSHOTS === '1';
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs/screenshots');

export function studioPage(
  current: () => { baseUrl: string; page: Page },
  options: { screenshotPrefix?: string; fromTop?: boolean } = {},
) {
  const url = (route: string) => `${current().baseUrl}${route}`;
  return {
    url,
    openView: async (route: string, title: string) => {
      const { page } = current();
      await page.goto(url(route));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    },
    /** Assistant replies whose answer matches (the bubble's whole text runs words together). */
    replyWith: (answer: RegExp) => {
      const { page } = current();
      return page.locator('.message.assistant').filter({ has: page.locator('.message-text', { hasText: answer }) });
    },
    screenshot: async (name: string) => {
      if (!SCREENSHOTS) return;
      const { page } = current();
      // Clicking scrolls things into view; a desktop screenshot shows each view as a person first sees it.
      if (options.fromTop) {
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          document.querySelectorAll('.table-wrap').forEach((element) => {
            element.scrollLeft = 0;
          });
        });
      }
      const file = path.join(SCREENSHOT_DIR, `${options.screenshotPrefix ?? ''}${name}.png`);
      mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: false });
    },
  };
}
