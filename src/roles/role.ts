// A role: a system prompt plus a tool allow-list (least privilege) given to the worker of a subtask.

export interface Role {
  name: string;
  description: string;
  category: string;
  system_prompt: string;
  /** Tool names this role may use; null means every tool. */
  tools: string[] | null;
  tags: string[];
}

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
