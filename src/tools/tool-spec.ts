// What a tool is: a named, versioned, JSON-Schema-described function — the spec's ToolDescriptor
// plus its handler. Registry, retrieval, workers, the HTTP tool runner and MCP all speak this shape.
import type { JsonSchema, ToolCallFailureKind, ToolDescriptor, ToolOutcome } from '../spec/tool-descriptor.js';

export type { JsonSchema, ToolCallFailureKind, ToolDescriptor, ToolOutcome };

export interface ToolContext {
  /** The tenant the run belongs to (kb_search and notes are per tenant). */
  tenantId: string;
  /** Absolute path of the only directory file-writing tools may touch. */
  workspaceDir: string;
  /** Aborted when the run is cancelled or the tool times out. */
  signal: AbortSignal;
  /**
   * For an approved side effect: the same key every time this one call is executed (thread and call
   * id). An `idempotent` tool uses it to act at most once per key, so riptide can run the call again
   * after a crash that left it unsure whether the tool acted.
   */
  idempotencyKey?: string;
}

/** A tool: its descriptor (description ranked by retrieval, JSON Schema with a description per property) and handler. */
export interface ToolSpec<Args = any> extends ToolDescriptor {
  /**
   * A few requests in users' words that this tool answers; retrieval ranks on them too. Not part of
   * the descriptor: /api/tools and MCP's list_tools keep the shape API.md states.
   */
  examples?: string[];
  /**
   * A side-effecting tool that acts at most once per `context.idempotencyKey` (e.g. it passes the key
   * on as an Idempotency-Key header, or records it with what it writes). Only such a tool is run again
   * when a crash came between starting the call and recording its outcome; for any other tool that
   * call is reported as uncertain instead of being repeated.
   */
  idempotent?: boolean;
  handler: (args: Args, context: ToolContext) => Promise<unknown> | unknown;
}

export type ToolValidation =
  | { ok: true; tool: ToolSpec; arguments: Record<string, unknown> }
  | { ok: false; kind: ToolCallFailureKind; message: string };

/** What running a tool came to: its output (and the value it returned), or a typed error. */
export type ToolRunResult =
  | (Extract<ToolOutcome, { ok: true }> & { value: unknown })
  | Extract<ToolOutcome, { ok: false }>;

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
