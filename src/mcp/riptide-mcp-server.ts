// riptide as an MCP server (what `riptide mcp` serves over stdio): run_task runs the agent graph,
// list_tools shows the catalog, and every read-only catalog tool is callable with its own JSON Schema.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RiptideConfig } from '../config/config.js';
import type { RunService } from '../core/run-service.js';
import { RiptideError } from '../errors/riptide-error.js';
import { runOptionsSchema } from '../spec/run-options.js';
import { type RunResult, runResultSchema } from '../spec/run-result.js';
import { toolDescriptorSchema } from '../spec/tool-descriptor.js';
import type { ToolRegistry, ToolSpec } from '../tools/tool-spec.js';
import { MCP_TOOL_CATEGORY } from './register-mcp-tools.js';

/** The run options an MCP host may set; the rest keep their defaults. */
export const runTaskInputSchema = runOptionsSchema.pick({
  task: true,
  offline: true,
  tenant_id: true,
  single: true,
  critic: true,
  supervisor: true,
  react_steps: true,
  vote_k: true,
  llm_composer: true,
  memory: true,
  guardrails: true,
});

/** The part of a RunResult an MCP host needs; the full result stays available over HTTP. */
export const compactRunResultSchema = runResultSchema.pick({
  status: true,
  thread_id: true,
  final_answer: true,
  blocked: true,
  success: true,
  mode: true,
  plan: true,
  roles: true,
  tool_calls_total: true,
  tool_calls_valid: true,
  metrics: true,
});
export type CompactRunResult = z.infer<typeof compactRunResultSchema>;

export function compactRunResult(result: RunResult): CompactRunResult {
  // The picked schema strips every other field, so the compact shape is defined in one place.
  return compactRunResultSchema.parse(result);
}

const RESERVED_NAMES = new Set(['run_task', 'list_tools']);

/** What the MCP server exposes: the run service and the tool catalog (with where file tools may write). */
export interface RiptideMcpServerDependencies {
  runs: Pick<RunService, 'runTask'>;
  tools: ToolRegistry;
  config: Pick<RiptideConfig, 'workspaceDir'>;
}

export function createRiptideMcpServer(riptide: RiptideMcpServerDependencies, version = '0.1.0'): McpServer {
  const server = new McpServer(
    { name: 'riptide', version },
    { instructions: 'run_task hands a task to the riptide agent graph; list_tools shows its tool catalog.' },
  );

  server.registerTool(
    'run_task',
    {
      title: 'Run a task with riptide',
      description:
        'Run a task through the riptide multi-agent graph (planning, role-based workers with tools, optional critic and memory) and return the final answer.',
      inputSchema: runTaskInputSchema,
      outputSchema: compactRunResultSchema,
      // Workers may use side-effecting tools (auto-approved on this path), so hosts should confirm.
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    async (input, extra): Promise<CallToolResult> => {
      try {
        const result = await riptide.runs.runTask(input, { signal: extra.signal });
        const compact = compactRunResult(result);
        const failed = result.status === 'failed';
        const text = failed
          ? `run failed${result.error ? ` (${result.error.code}): ${result.error.detail}` : ''}`
          : result.final_answer;
        return { content: [{ type: 'text', text }], structuredContent: compact, isError: failed };
      } catch (error) {
        return errorResult(error);
      }
    },
  );

  server.registerTool(
    'list_tools',
    {
      title: 'List riptide tools',
      description: 'List the tools in the riptide catalog with their descriptions, categories and JSON Schemas.',
      inputSchema: z.object({ category: z.string().optional().describe('Only tools of this category') }),
      outputSchema: z.object({ tools: z.array(toolDescriptorSchema) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ category }): Promise<CallToolResult> => {
      const tools = riptide.tools
        .list()
        .filter((tool) => !category || tool.category === category)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((tool) => riptide.tools.describe(tool));
      const text = tools
        .map(
          (tool) =>
            `${tool.name} [${tool.category}${tool.side_effecting ? ', side-effecting' : ''}]: ${tool.description}`,
        )
        .join('\n');
      return { content: [{ type: 'text', text: text || 'no tools' }], structuredContent: { tools } };
    },
  );

  for (const tool of riptide.tools.list()) {
    // Side-effecting tools need a human's approval, which this path cannot ask for; MCP tools are
    // not re-exported so riptide never becomes a proxy for servers the host did not choose.
    if (tool.side_effecting || tool.category === MCP_TOOL_CATEGORY || RESERVED_NAMES.has(tool.name)) continue;
    registerCatalogTool(server, riptide, tool);
  }
  return server;
}

function registerCatalogTool(server: McpServer, riptide: RiptideMcpServerDependencies, tool: ToolSpec): void {
  server.registerTool(
    tool.name,
    {
      description: tool.description,
      inputSchema: zodFromToolSchema(tool),
      annotations: { readOnlyHint: true, openWorldHint: tool.category === 'network' },
    },
    async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
      // The registry validates against the tool's own JSON Schema (ajv) and applies its timeout.
      const outcome = await riptide.tools.run(tool.name, args, {
        tenantId: 'default',
        workspaceDir: riptide.config.workspaceDir,
        signal: extra.signal,
      });
      if (!outcome.ok) return { isError: true, content: [{ type: 'text', text: outcome.error }] };
      return { content: [{ type: 'text', text: outcome.output }] };
    },
  );
}

/**
 * McpServer lists a tool's schema by converting a zod schema, so the catalog's JSON Schema is turned
 * into zod once here. A schema zod cannot express is listed as an open object; the registry still
 * validates every call against the original.
 */
function zodFromToolSchema(tool: ToolSpec): z.ZodType<Record<string, unknown>> {
  try {
    const converted = z.fromJSONSchema(tool.json_schema as Parameters<typeof z.fromJSONSchema>[0]);
    if (converted instanceof z.ZodObject) return converted as z.ZodType<Record<string, unknown>>;
  } catch {
    // fall through to the open object
  }
  return z.looseObject({});
}

function errorResult(error: unknown): CallToolResult {
  const text = RiptideError.is(error)
    ? `${error.code}: ${error.message}`
    : `internal_error: ${(error as Error)?.message || 'the run failed'}`;
  return { isError: true, content: [{ type: 'text', text }] };
}
