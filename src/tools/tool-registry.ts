// The tool registry: static tools (several versions each), a dynamic part owned by MCP
// connections, ajv argument validation, retrieval (BM25 fused with word vectors) and a run() that
// never throws for a tool's own failure.
import semver from 'semver';
import { RiptideError } from '../errors/riptide-error.js';
import { createToolRanker, type ToolRanker } from './retrieval/tool-ranker.js';
import { type ArgumentsCheck, createArgumentsValidator } from './tool-arguments-validator.js';
import { stringifyToolOutput } from './tool-output.js';
import type {
  ToolContext,
  ToolDescriptor,
  ToolRegistry,
  ToolRunResult,
  ToolSearchOptions,
  ToolSpec,
  ToolValidation,
} from './tool-spec.js';

export interface ToolRegistryOptions {
  tools: readonly ToolSpec[];
  /** How long one tool call may take before it yields a `timeout` result. */
  timeoutMs: number;
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const DEFAULT_SEARCH_LIMIT = 10;

function byVersionDescending(left: ToolSpec, right: ToolSpec): number {
  const a = semver.valid(semver.coerce(left.version));
  const b = semver.valid(semver.coerce(right.version));
  if (a && b && a !== b) return semver.rcompare(a, b);
  return right.version.localeCompare(left.version);
}

export function createToolRegistry(options: ToolRegistryOptions): ToolRegistry {
  const validator = createArgumentsValidator();
  const checks = new WeakMap<ToolSpec, ArgumentsCheck>();
  const staticTools = new Map<string, ToolSpec[]>();
  const dynamicTools = new Map<string, { tool: ToolSpec; owner: string }>();
  let latest: ToolSpec[] | undefined;
  let ranker: ToolRanker | undefined;

  const prepare = (tool: ToolSpec): void => {
    if (!TOOL_NAME.test(tool.name)) {
      throw new RiptideError('config_error', `tool name '${tool.name}' must be 1–128 characters of A-Za-z0-9_.-`);
    }
    try {
      checks.set(tool, validator.prepare(tool.json_schema));
    } catch (error) {
      throw new RiptideError(
        'config_error',
        `tool '${tool.name}' has an invalid JSON Schema: ${(error as Error).message}`,
      );
    }
  };

  for (const tool of options.tools) {
    prepare(tool);
    const versions = staticTools.get(tool.name) ?? [];
    if (versions.some((existing) => existing.version === tool.version)) {
      throw new RiptideError('config_error', `tool '${tool.name}' version ${tool.version} is registered twice`);
    }
    versions.push(tool);
    versions.sort(byVersionDescending);
    staticTools.set(tool.name, versions);
  }

  const invalidate = (): void => {
    latest = undefined;
    ranker = undefined;
  };

  const list = (): ToolSpec[] => {
    latest ??= [
      ...[...staticTools.values()].map((versions) => versions[0]),
      ...[...dynamicTools.values()].map((entry) => entry.tool),
    ];
    return latest;
  };

  // Rebuilt only when the tool set changes (a dynamic add/remove), never per query.
  const toolRanker = (): ToolRanker => {
    ranker ??= createToolRanker(list());
    return ranker;
  };

  const get = (name: string, version?: string): ToolSpec | undefined => {
    const dynamic = dynamicTools.get(name);
    if (dynamic) return version === undefined || dynamic.tool.version === version ? dynamic.tool : undefined;
    const versions = staticTools.get(name);
    if (!versions) return undefined;
    return version === undefined ? versions[0] : versions.find((tool) => tool.version === version);
  };

  const validate = (name: string, rawArguments: unknown): ToolValidation => {
    const tool = get(name);
    if (!tool) return { ok: false, kind: 'unknown_tool', message: `unknown tool '${name}'` };
    let parsed: unknown = rawArguments;
    if (typeof rawArguments === 'string') {
      if (rawArguments.trim() === '') parsed = {};
      else {
        try {
          parsed = JSON.parse(rawArguments);
        } catch (error) {
          return { ok: false, kind: 'bad_json', message: `arguments are not valid JSON: ${(error as Error).message}` };
        }
      }
    }
    if (parsed === undefined || parsed === null) parsed = {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { ok: false, kind: 'schema_violation', message: 'arguments: must be an object' };
    }
    // Defaults are filled in by ajv, so validate a copy rather than the caller's object.
    let args: Record<string, unknown>;
    try {
      args = structuredClone(parsed) as Record<string, unknown>;
    } catch {
      return { ok: false, kind: 'schema_violation', message: 'arguments: must be plain JSON data' };
    }
    const problems = (checks.get(tool) as ArgumentsCheck)(args);
    if (problems.length > 0) return { ok: false, kind: 'schema_violation', message: problems.join('; ') };
    return { ok: true, tool, arguments: args };
  };

  const run = async (name: string, rawArguments: unknown, context: ToolContext): Promise<ToolRunResult> => {
    const validation = validate(name, rawArguments);
    if (!validation.ok) return { ok: false, kind: validation.kind, error: validation.message };
    if (context.signal.aborted) return { ok: false, kind: 'tool_error', error: `tool '${name}' was aborted` };
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(context.signal.reason);
    context.signal.addEventListener('abort', onAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      const stopped = new Promise<ToolRunResult>((resolve) => {
        timer = setTimeout(() => {
          // Resolve first: aborting below would otherwise settle the race as a plain abort.
          resolve({ ok: false, kind: 'timeout', error: `tool '${name}' timed out after ${options.timeoutMs} ms` });
          controller.abort(new RiptideError('aborted', 'tool timed out'));
        }, options.timeoutMs);
        controller.signal.addEventListener(
          'abort',
          () => resolve({ ok: false, kind: 'tool_error', error: `tool '${name}' was aborted` }),
          { once: true },
        );
      });
      const ran = (async (): Promise<ToolRunResult> => {
        const value = await validation.tool.handler(validation.arguments, { ...context, signal: controller.signal });
        return { ok: true, value, output: stringifyToolOutput(value) };
      })().catch(
        (error: unknown): ToolRunResult => ({ ok: false, kind: 'tool_error', error: describeToolError(name, error) }),
      );
      return await Promise.race([ran, stopped]);
    } finally {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
    }
  };

  return {
    get,
    versions: (name) => {
      const dynamic = dynamicTools.get(name);
      if (dynamic) return [dynamic.tool.version];
      return (staticTools.get(name) ?? []).map((tool) => tool.version);
    },
    list: () => [...list()],
    describe: (tool): ToolDescriptor => ({
      name: tool.name,
      version: tool.version,
      description: tool.description,
      side_effecting: tool.side_effecting,
      category: tool.category,
      tags: [...tool.tags],
      json_schema: tool.json_schema,
    }),
    categories: () => [...new Set(list().map((tool) => tool.category))].sort(),
    search(text: string, searchOptions: ToolSearchOptions = {}): ToolSpec[] {
      const limit = searchOptions.limit ?? DEFAULT_SEARCH_LIMIT;
      const allow = searchOptions.allow ? new Set(searchOptions.allow) : null;
      const keep = (tool: ToolSpec): boolean =>
        (!allow || allow.has(tool.name)) &&
        (!searchOptions.category || tool.category === searchOptions.category) &&
        (searchOptions.includeSideEffecting !== false || !tool.side_effecting);
      if (text.trim() === '') {
        return list()
          .filter(keep)
          .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
          .slice(0, limit);
      }
      return toolRanker().rank(text, { limit, filter: keep });
    },
    validate,
    run,
    addDynamic(tool, owner) {
      if (staticTools.has(tool.name)) {
        throw new RiptideError('validation_error', `tool '${tool.name}' clashes with a built-in tool`);
      }
      const existing = dynamicTools.get(tool.name);
      if (existing && existing.owner !== owner) {
        throw new RiptideError('validation_error', `tool '${tool.name}' is already provided by '${existing.owner}'`);
      }
      prepare(tool);
      dynamicTools.set(tool.name, { tool, owner });
      invalidate();
    },
    removeDynamic(owner) {
      let removed = false;
      for (const [name, entry] of dynamicTools) {
        if (entry.owner === owner) {
          dynamicTools.delete(name);
          removed = true;
        }
      }
      if (removed) invalidate();
    },
  };
}

/** A tool failure as one line for the model: the error's own message, never a stack trace. */
function describeToolError(name: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `tool '${name}' failed: ${message || 'unknown error'}`;
}
