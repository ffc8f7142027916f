import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './test-support/open-test-server.js';

describe('Studio serving', () => {
  let studioDir: string;
  let built: TestServer;
  let missing: TestServer;
  beforeAll(async () => {
    studioDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    fs.mkdirSync(path.join(studioDir, 'assets'));
    fs.writeFileSync(path.join(studioDir, 'index.html'), '<!doctype html><title>Studio</title><div id="root"></div>');
    fs.writeFileSync(path.join(studioDir, 'assets', 'index-3f2a1b.js'), 'console.log("studio")');
    built = await openTestServer({}, { studioDir });
    missing = await openTestServer({}, { studioDir: path.join(studioDir, 'absent') });
  });
  afterAll(async () => {
    await built.close();
    await missing.close();
    fs.rmSync(studioDir, { recursive: true, force: true });
  });

  it('serves index.html at / without long caching', async () => {
    const response = await built.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<title>Studio</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with immutable long-cache headers', async () => {
    const response = await built.app.inject('/assets/index-3f2a1b.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('studio');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for browser navigations, but not for API paths or non-HTML clients', async () => {
    const page = await built.app.inject({ url: '/workflows/editor', headers: { accept: 'text/html,*/*' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Studio</title>');

    const api = await built.app.inject({ url: '/api/unknown', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ detail: 'Not Found', code: 'not_found' });

    const json = await built.app.inject({ url: '/workflows/editor', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    const asset = await built.app.inject('/assets/missing.js');
    expect(asset.statusCode).toBe(404);
  });

  it("serves the Studio's run page at /runs/<id> while /run and /run/* stay API paths", async () => {
    const runPage = await built.app.inject({ url: '/runs/thread-1', headers: { accept: 'text/html' } });
    expect(runPage.statusCode).toBe(200);
    expect(runPage.body).toContain('<title>Studio</title>');
    for (const url of ['/run', '/run/unknown']) {
      const api = await built.app.inject({ url, headers: { accept: 'text/html' } });
      expect(api.statusCode, url).toBe(404);
    }
  });

  it('answers a help page when the Studio is not built', async () => {
    const response = await missing.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build');
    const deep = await missing.app.inject({ url: '/sessions-view', headers: { accept: 'text/html' } });
    expect(deep.body).toContain('npm run build');
  });
});
