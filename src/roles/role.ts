// A role: a system prompt plus a tool allow-list (least privilege) given to the worker of a subtask
// (the spec's RoleDescriptor), and the catalog that holds them.
import type { RoleDescriptor } from '../spec/role-descriptor.js';

export type Role = RoleDescriptor;

export interface RoleCatalog {
  get(name: string): Role | undefined;
  has(name: string): boolean;
  list(): Role[];
  categories(): string[];
  /** Roles ranked for a text (keyword/BM25), optionally filtered by category. */
  search(text: string, options?: { limit?: number; category?: string }): Role[];
  /** The role a subtask should get: keyword routing, falling back to `generalist`. */
  roleFor(subtask: string): Role;
}
