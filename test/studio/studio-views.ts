// The Studio's twelve views for the browser tests: each route, its heading, and something on it that
// only appears once the view's data has loaded from the server.
import type { Page } from 'playwright-core';

export interface StudioView {
  path: string;
  title: string;
  ready: (page: Page) => Promise<unknown>;
}

/** The screenshot name of a view (by its title) at a width and in a theme: docs/screenshots/views/<view>-<width>-<theme>.png. */
export function viewShot(title: string, width: 'desktop' | 'phone', theme: 'light' | 'dark'): string {
  return `views/${title.toLowerCase().replace(/\s+/g, '-')}-${width}-${theme}`;
}

/** Checked after the functional tests, so sessions, runs and spend already exist on the server. */
export const VIEWS: StudioView[] = [
  {
    // A session whose reply failed on a tool: error styling and tool calls are checked too.
    path: '/chat?session=studio-errors',
    title: 'Chat',
    ready: (page) => page.locator('.message.assistant .reply-meta').first().waitFor(),
  },
  { path: '/playground', title: 'Playground', ready: (page) => page.getByLabel('Tenant id').waitFor() },
  {
    path: '/workflows',
    title: 'Workflows',
    ready: (page) =>
      page
        .getByRole('form', { name: 'Add step' })
        .getByLabel('Role')
        .locator('option')
        .first()
        .waitFor({ state: 'attached' }),
  },
  { path: '/history', title: 'History', ready: (page) => page.locator('tbody tr .run-link').first().waitFor() },
  { path: '/tools', title: 'Tools', ready: (page) => page.locator('tbody tr code').first().waitFor() },
  { path: '/roles', title: 'Roles', ready: (page) => page.locator('tbody tr strong').first().waitFor() },
  {
    path: '/tool-runner',
    title: 'Tool Runner',
    ready: (page) => page.getByRole('button', { name: 'Invoke' }).waitFor(),
  },
  { path: '/monitoring', title: 'Monitoring', ready: (page) => page.locator('.kpi').first().waitFor() },
  { path: '/eval', title: 'Eval', ready: (page) => page.getByRole('button', { name: 'Run eval suite' }).waitFor() },
  { path: '/costs', title: 'Costs', ready: (page) => page.locator('tbody th[scope="row"]').first().waitFor() },
  { path: '/connections', title: 'Connections', ready: (page) => page.getByTestId('key-mask').waitFor() },
  {
    path: '/mcp',
    title: 'MCP Servers',
    ready: (page) => page.getByText('RIPTIDE_ENABLE_MCP_CONNECT=1').first().waitFor(),
  },
];
