import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createConnectionManager, maskKey } from './connection-manager.js';
import { createModelGateway } from './create-model-gateway.js';

const KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz-9876';

describe('connection manager', () => {
  it('masks the key to at most its last 4 characters and never shows it', () => {
    const manager = createConnectionManager(loadConfig({ OPENAI_API_KEY: KEY }).model);
    const view = manager.view();
    expect(view).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      api_base: null,
      key_set: true,
      key_masked: '••••9876',
      configured: true,
    });
    expect(JSON.stringify(view)).not.toContain(KEY.slice(0, 8));
    expect(maskKey('short')).toBe('••••');
    expect(maskKey(null)).toBeNull();
  });

  it('switches providers at run time; an omitted key keeps the current one; custom needs a base', () => {
    const gateway = createModelGateway(loadConfig({}).model);
    expect(gateway.getConnection()).toMatchObject({
      provider: 'offline',
      model: 'riptide-offline',
      configured: true,
      key_set: false,
    });
    const openai = gateway.setConnection({ provider: 'openai', apiKey: KEY });
    expect(openai).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', key_set: true, configured: true });
    expect(JSON.stringify(openai)).not.toContain(KEY);
    const custom = gateway.setConnection({
      provider: 'custom',
      model: 'llama3.1',
      apiBase: 'http://127.0.0.1:11434/v1',
    });
    expect(custom).toMatchObject({
      provider: 'custom',
      model: 'llama3.1',
      key_set: true,
      configured: true,
      api_base: 'http://127.0.0.1:11434/v1',
    });
    expect(gateway.resolveModel({ tier: 'planner' })).toEqual({ provider: 'custom', model: 'llama3.1' });
    expect(() => gateway.setConnection({ provider: 'custom', apiBase: null })).toThrow(/api_base/);
    const cleared = gateway.setConnection({ provider: 'openai', apiKey: null });
    expect(cleared).toMatchObject({ key_set: false, key_masked: null, configured: false });
    expect(gateway.resolveModel({})).toEqual({ provider: 'offline', model: 'riptide-offline' });
  });

  it('new connections do not leak into other gateways (no shared state)', () => {
    const config = loadConfig({}).model;
    const first = createModelGateway(config);
    const second = createModelGateway(config);
    first.setConnection({ provider: 'openai', apiKey: KEY });
    expect(second.getConnection().provider).toBe('offline');
    expect(config.apiKey).toBeNull();
  });
});
