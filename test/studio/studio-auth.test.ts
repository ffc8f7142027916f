// The Studio against a server that requires API keys, in a real browser: it asks for a key, keeps it
// for the tab, shows the tenant it acts as, runs chat (SSE with the bearer header) as that tenant,
// hides the admin views from a tenant key and shows them to an admin key.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createRiptide } from '../../src/riptide.js';
import { launchStudioBrowser, type StudioBrowser } from './studio-browser.js';
import { REPO_ROOT, type StudioServer, startStudioServer } from './studio-server.js';

const LONG = 120_000;

describe('Studio with API keys', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'riptide-studio-auth-'));
  const keys = { admin: '', acme: '' };
  let server: StudioServer;
  let studio: StudioBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'studio/dist/index.html'))) {
      throw new Error('studio/dist is missing: run `npm run build:studio` before these tests');
    }
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir, RIPTIDE_PROVIDER: 'offline' }));
    keys.admin = (await riptide.keys.create({ tenant_id: 'ops', admin: true })).key;
    keys.acme = (await riptide.keys.create({ tenant_id: 'acme' })).key;
    await riptide.close();
    server = await startStudioServer({ RIPTIDE_AUTH: 'required' }, { dataDir });
    studio = await launchStudioBrowser();
    page = studio.page;
  }, LONG);
  afterAll(async () => {
    await studio?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (key: string) => {
    await page.getByRole('heading', { level: 1, name: 'Sign in to riptide' }).waitFor();
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Use this key' }).click();
  };

  it(
    'asks for a key, refuses a wrong one, then acts as the tenant of the key it was given',
    async () => {
      await page.goto(`${server.baseUrl}/chat?session=auth-chat`);
      await signIn(`rt_${'0'.repeat(16)}${'A'.repeat(43)}`);
      await page.getByText('That key was not accepted.').waitFor();
      await signIn(keys.acme);
      await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
      await expect.poll(() => page.getByTestId('tenant-badge').textContent()).toContain('Tenant acme');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Chat' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Connections' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'MCP Servers' }).count()).toBe(0);

      await page.getByLabel('Message').fill('compute 21 * 2');
      await page.getByRole('button', { name: 'Send' }).click();
      await page
        .locator('.message.assistant .message-text')
        .filter({ hasText: /\b42\b/ })
        .first()
        .waitFor({ timeout: 60_000 });
      const runs = await fetch(`${server.baseUrl}/api/runs`, { headers: { authorization: `Bearer ${keys.admin}` } });
      const tenants = new Set(((await runs.json()) as { tenant_id: string }[]).map((run) => run.tenant_id));
      expect(tenants).toEqual(new Set(['acme']));

      // The key is kept for the tab: a reload goes straight back in.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('riptide.apiKey'))).toBe(keys.acme);
    },
    LONG,
  );

  it(
    'shows the admin views to an admin key after signing out',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(keys.admin);
      await expect.poll(() => page.getByTestId('tenant-badge').textContent()).toContain('Admin');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Connections' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('riptide.apiKey'))).toBe(keys.admin);
    },
    LONG,
  );
});
