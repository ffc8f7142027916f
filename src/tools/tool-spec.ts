// What a tool is: a named, versioned, JSON-Schema-described function. Registry, retrieval, workers,
// the HTTP tool runner and MCP all speak this one shape.

export type JsonSchema = Record<string, unknown>;

/** Why a tool call was rejected before (or instead of) running. Counted per kind in RunResult metrics. */
export type ToolCallFailureKind = 'unknown_tool' | 'bad_json' | 'schema_violation';

export interface ToolContext {
  /** The tenant the run belongs to (kb_search and notes are per tenant). */
  tenantId: string;
  /** Absolute path of the only directory file-writing tools may touch. */
  workspaceDir: string;
  /** Aborted when the run is cancelled or the tool times out. */
  signal: AbortSignal;
  /** Stable key for side-effect idempotency: thread id + tool call id. */
  idempotencyKey?: string;
}

export interface ToolSpec<Args = any> {
  name: string;
  version: string;
  /** One precise line: what it does and returns. Retrieval ranks on it. */
  description: string;
  category: string;
  tags: string[];
  /** A few requests in users' words that this tool answers; retrieval ranks on them too. */
  examples?: string[];
  /** A JSON Schema (draft 2020-12 subset ajv accepts) with a description per property. */
  json_schema: JsonSchema;
  /** Writes, deletes or sends something: needs human approval in interactive runs. */
  side_effecting: boolean;
  handler: (args: Args, context: ToolContext) => Promise<unknown> | unknown;
}

/** The public, serialisable view of a tool (what /api/tools returns). */
export interface ToolDescriptor {
  name: string;
  version: string;
  description: string;
  side_effecting: boolean;
  category: string;
  tags: string[];
  /**
   * Example requests, for descriptors that feed a registry. `describe()` leaves them out: the
   * /api/tools and MCP list_tools shapes stay exactly as API.md states.
   */
  examples?: string[];
  json_schema: JsonSchema;
}

export type ToolValidation =
  | { ok: true; tool: ToolSpec; arguments: Record<string, unknown> }
  | { ok: false; kind: ToolCallFailureKind; message: string };

export type ToolRunResult =
  | { ok: true; output: string; value: unknown }
  | { ok: false; error: string; kind: ToolCallFailureKind | 'tool_error' | 'timeout' };

export interface ToolSearchOptions {
  limit?: number;
  category?: string;
  /** Only tools whose names are listed (a role's allow-list); null/undefined means all. */
  allow?: readonly string[] | null;
  /** Include side-effecting tools (default true). */
  includeSideEffecting?: boolean;
}

export interface ToolRegistry {
  /** The latest version of a tool, or a given version. */
  get(name: string, version?: string): ToolSpec | undefined;
  versions(name: string): string[];
  /** Every tool (latest versions), static and dynamic. */
  list(): ToolSpec[];
  describe(tool: ToolSpec): ToolDescriptor;
  categories(): string[];
  /**
   * Top tools for a text, ranked by the retriever: BM25 over names, descriptions, tags and examples
   * fused with a static word-embedding similarity. Every surface (workers, /api/tools, CLI) ranks here.
   */
  search(text: string, options?: ToolSearchOptions): ToolSpec[];
  /**
   * Validates a call. `rawArguments` may be a JSON string straight from a model (→ bad_json when it
   * does not parse) or an already-parsed value.
   */
  validate(name: string, rawArguments: unknown): ToolValidation;
  /** Validates and runs a call with a timeout; never throws for a tool's own failure. */
  run(name: string, rawArguments: unknown, context: ToolContext): Promise<ToolRunResult>;
  /** The dynamic part: tools added and removed at run time (MCP). */
  addDynamic(tool: ToolSpec, owner: string): void;
  removeDynamic(owner: string): void;
}
