// The catalog the app uses: the curated core plus the generated library, with allow-lists
// derived from the built-in tools' categories.
import type { ToolSpec } from '../tools/tool-spec.js';
import { CORE_ROLE_PROFILES } from './core-roles.js';
import type { RoleCatalog } from './role.js';
import { createRoleCatalog } from './role-catalog.js';
import { LIBRARY_ROLE_PROFILES } from './role-library.js';
import { buildRole, toolNamesByCategory } from './role-profile.js';

/** `tools` decides which names each allow-list holds (naming a tool the registry lacks grants nothing). */
export function createDefaultRoleCatalog(tools: readonly Pick<ToolSpec, 'name' | 'category'>[]): RoleCatalog {
  const byCategory = toolNamesByCategory(tools);
  return createRoleCatalog(
    [...CORE_ROLE_PROFILES, ...LIBRARY_ROLE_PROFILES].map((profile) => buildRole(profile, byCategory)),
  );
}
