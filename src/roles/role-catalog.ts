// The role catalog: lookup, BM25 search over names, descriptions and tags (the same index as
// tools), and roleFor(subtask) routing that always yields a role (the generalist by default).
import { RiptideError } from '../errors/riptide-error.js';
import { createTextIndex } from '../tools/retrieval/text-index.js';
import type { Role, RoleCatalog } from './role.js';
import { createRoleRouter } from './role-router.js';

const ROLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export function createRoleCatalog(roles: readonly Role[]): RoleCatalog {
  const byName = new Map<string, Role>();
  for (const role of roles) {
    if (!ROLE_NAME.test(role.name)) throw new RiptideError('config_error', `invalid role name '${role.name}'`);
    if (byName.has(role.name)) throw new RiptideError('config_error', `role '${role.name}' is defined twice`);
    byName.set(role.name, role);
  }
  const generalist = byName.get('generalist');
  if (!generalist) throw new RiptideError('config_error', "the role catalog needs a 'generalist' role");
  const all = [...byName.values()];
  const route = createRoleRouter(all.map((role) => role.name));
  const index = createTextIndex(all, [
    { name: 'name', boost: 3, extract: (role) => role.name },
    { name: 'tags', boost: 2, extract: (role) => role.tags.join(' ') },
    { name: 'description', boost: 1, extract: (role) => role.description },
    { name: 'category', boost: 1, extract: (role) => role.category },
  ]);

  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    list: () => [...all],
    categories: () => [...new Set(all.map((role) => role.category))].sort(),
    search(text, options = {}) {
      const keep = (role: Role): boolean => !options.category || role.category === options.category;
      const limit = options.limit ?? 10;
      if (text.trim() === '') return all.filter(keep).slice(0, limit);
      return index.search(text, { limit, filter: keep }).map((hit) => hit.item);
    },
    roleFor(subtask) {
      const name = route(subtask);
      return (name && byName.get(name)) || generalist;
    },
  };
}
