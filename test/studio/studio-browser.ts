// Launches Debian's Chromium through playwright-core (never a downloaded browser) and collects console
// errors per page, so a test can assert a view rendered cleanly. `launch` gives a fresh temporary profile.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.RIPTIDE_CHROMIUM ?? '/usr/bin/chromium';

export interface StudioBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors since the last call. */
  takeConsoleErrors(): string[];
  close(): Promise<void>;
}

/** Desktop by default; a phone's viewport (e.g. 375 × 740) for the narrow-screen tests. */
export async function launchStudioBrowser(
  viewport: { width: number; height: number } = { width: 1360, height: 900 },
): Promise<StudioBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    takeConsoleErrors: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    close: async () => {
      await browser.close();
    },
  };
}
