import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../tools/builtin-tools.js';
import { createDefaultRoleCatalog } from './default-role-catalog.js';
import { createRoleCatalog } from './role-catalog.js';

describe('default role catalog', () => {
  // Every built-in tool, network tools included, so every category's allow-list is populated.
  const catalog = createDefaultRoleCatalog(
    createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: null }),
  );

  it('has at least 100 roles in at least 12 categories', () => {
    expect(catalog.list().length).toBeGreaterThanOrEqual(100);
    expect(catalog.categories().length).toBeGreaterThanOrEqual(12);
  });

  it('gives every role a focused prompt and, except the generalist, a non-empty allow-list', () => {
    for (const role of catalog.list()) {
      expect(role.system_prompt.length).toBeGreaterThan(80);
      expect(role.description.length).toBeGreaterThan(10);
      if (role.name === 'generalist') expect(role.tools).toBeNull();
      else expect(role.tools?.length, role.name).toBeGreaterThan(0);
    }
  });

  it('grants the core roles the tools the offline graph needs', () => {
    expect(catalog.get('scribe')?.tools).toContain('write_note');
    expect(catalog.get('analyst')?.tools).toEqual(expect.arrayContaining(['calculator', 'word_count']));
    expect(catalog.get('researcher')?.tools).toContain('kb_search');
    expect(catalog.get('analyst')?.tools).not.toContain('write_note');
  });

  it.each([
    ['compute 21 * 2', 'analyst'],
    ['calculate the total cost', 'analyst'],
    ['analyse the survey results', 'analyst'],
    ['count the words in this paragraph', 'analyst'],
    ['save a note that the meeting moved to Friday', 'scribe'],
    ['record the decision', 'scribe'],
    ['write a short summary for the team', 'scribe'],
    ['search for the deployment runbook', 'researcher'],
    ['look up the capital of Peru', 'researcher'],
    ['write a function that reverses a string', 'coder'],
    ['fix the bug in the parser', 'coder'],
    ['ask the security auditor to review the login flow', 'security_auditor'],
    ['review this as the editor', 'editor'],
    ['say hello', 'generalist'],
  ])('roleFor(%j) → %s', (subtask, expected) => {
    expect(catalog.roleFor(subtask).name).toBe(expected);
  });

  it('searches roles by text and filters by category', () => {
    expect(catalog.search('kubernetes rollout')[0]?.name).toBe('kubernetes_operator');
    expect(catalog.search('loan payments')[0]?.name).toBe('loan_officer');
    const security = catalog.search('review', { category: 'security' });
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((role) => role.category === 'security')).toBe(true);
  });

  it('refuses a catalog without a generalist or with duplicates', () => {
    const role = catalog.get('analyst')!;
    expect(() => createRoleCatalog([role])).toThrow(/generalist/);
    expect(() => createRoleCatalog([catalog.get('generalist')!, role, role])).toThrow(/twice/);
  });
});
