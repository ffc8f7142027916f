// riptide as an MCP server (what `riptide mcp` serves over stdio): run_task runs the agent graph —
// asking the client's user before any side-effecting tool (run-task-approvals.ts) — list_tools shows
// the catalog, and every read-only catalog tool is callable with its own JSON Schema.
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
import { tenantWorkspaceDir } from '../tools/workspace/tenant-workspace.js';
import { MCP_TOOL_CATEGORY } from './register-mcp-tools.js';
import { runWithApprovals } from './run-task-approvals.js';

const option = runOptionsSchema.shape;

/** The run options an MCP host may set, each described for the host's model; the rest keep their defaults. */
export const runTaskInputSchema = z.object({
  task: option.task.describe('What to do, in plain language (1–100 000 characters)'),
  offline: option.offline.describe(
    "Use riptide's built-in deterministic offline model instead of the configured provider",
  ),
  tenant_id: option.tenant_id.describe('Whose memory, costs and budget the run uses (default "default")'),
  single: option.single.describe('Force a single agent instead of letting riptide choose a parallel swarm'),
  critic: option.critic.describe('Check each subtask result (pass/fail) before the final answer'),
  supervisor: option.supervisor.describe('Re-plan corrective subtasks for results the critic failed (implies critic)'),
  react_steps: option.react_steps.describe('Think → act → observe steps per subtask (1–20)'),
  vote_k: option.vote_k.describe('Self-consistency samples for direct answers, decided by majority (1–15)'),
  llm_composer: option.llm_composer.describe('Let the model split the task into subtasks with roles and dependencies'),
  memory: option.memory.describe('Recall lessons from earlier runs before, and store one after'),
  guardrails: option.guardrails.describe('Block prompt injection and redact personal data in and out'),
});

export const approvalRecordSchema = z.object({
  tool: z.string().nullable().describe('The side-effecting tool the run stopped for (null for a question)'),
  question: z.string().nullable().describe('The clarification the run asked (null for a tool)'),
  decision: z.enum(['approved', 'denied', 'answered']),
  by: z
    .enum(['client', 'policy'])
    .describe("'client': the MCP client's user decided; 'policy': riptide did, because the client cannot be asked"),
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

/** What run_task answers: the compact result and every stop the run made for a human. */
export const runTaskOutputSchema = compactRunResultSchema.extend({
  approvals: z.array(approvalRecordSchema).describe('Each side-effecting tool or question the run stopped for'),
});

export function compactRunResult(result: RunResult): CompactRunResult {
  // The picked schema strips every other field, so the compact shape is defined in one place.
  return compactRunResultSchema.parse(result);
}

const RESERVED_NAMES = new Set(['run_task', 'list_tools']);

/** What the MCP server exposes: the run service and the tool catalog (with where file tools may write). */
export interface RiptideMcpServerDependencies {
  runs: Pick<RunService, 'runTask' | 'runInteractive' | 'resume'>;
  tools: ToolRegistry;
  config: Pick<RiptideConfig, 'workspaceDir'>;
}

export interface RiptideMcpServerOptions {
  version?: string;
  /** Run side-effecting tools without asking (`riptide mcp --auto-approve`). Default: ask, or deny. */
  autoApprove?: boolean;
}

export function createRiptideMcpServer(
  riptide: RiptideMcpServerDependencies,
  options: RiptideMcpServerOptions = {},
): McpServer {
  const { version = '0.1.0', autoApprove = false } = options;
  const server = new McpServer(
    { name: 'riptide', version },
    { instructions: 'run_task hands a task to the riptide agent graph; list_tools shows its tool catalog.' },
  );

  server.registerTool(
    'run_task',
    {
      title: 'Run a task with riptide',
      description: autoApprove
        ? 'Run a task through the riptide multi-agent graph (planning, role-based workers with tools, optional critic and memory) and return the final answer. This server was started with --auto-approve: side-effecting tools (writing and deleting workspace files, saving notes) run without asking.'
        : 'Run a task through the riptide multi-agent graph (planning, role-based workers with tools, optional critic and memory) and return the final answer. Before any side-effecting tool (writing or deleting workspace files, saving notes) the user is asked through elicitation; a client without elicitation gets those tools denied.',
      inputSchema: runTaskInputSchema,
      outputSchema: runTaskOutputSchema,
      // Workers may write and delete workspace files (after approval) and may reach the network when enabled.
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    async (input, extra): Promise<CallToolResult> => {
      try {
        const { result, approvals } = autoApprove
          ? { result: await riptide.runs.runTask(input, { signal: extra.signal }), approvals: [] }
          : await runWithApprovals(riptide.runs, server.server, input, extra.signal);
        const compact = { ...compactRunResult(result), approvals };
        const failed = result.status === 'failed';
        const denied = approvals.filter((record) => record.decision === 'denied');
        const notes = denied.map((record) =>
          record.by === 'policy'
            ? `denied ${record.tool}: this MCP client cannot be asked for approval (no elicitation support); start riptide mcp with --auto-approve to allow side-effecting tools`
            : `denied ${record.tool}: the user declined`,
        );
        const answer = failed
          ? `run failed${result.error ? ` (${result.error.code}): ${result.error.detail}` : ''}`
          : result.final_answer;
        const text = [answer, ...notes].join('\n');
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
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
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
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        openWorldHint: tool.category === 'network',
      },
    },
    async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
      // The registry validates against the tool's own JSON Schema (ajv) and applies its timeout.
      const outcome = await riptide.tools.run(tool.name, args, {
        tenantId: 'default',
        workspaceDir: tenantWorkspaceDir(riptide.config.workspaceDir, 'default'),
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
