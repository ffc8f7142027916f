// Runs an approved side-effecting tool exactly once per thread and call: a persisted idempotency
// record (store.claimSideEffect) decides who runs it; a repeat (a second resume, a takeover after a
// crash) reuses the recorded outcome instead of running the tool again. A crash between the claim
// and the recorded outcome leaves it unknown whether the tool acted: an idempotent tool is run again
// with the same idempotency key (it acts at most once per key); any other is reported as uncertain —
// an error outcome, so the run does not claim a success it cannot know.
import { RiptideError } from '../errors/riptide-error.js';
import type { ToolOutcome } from '../spec/tool-descriptor.js';
import { tenantWorkspaceDir } from '../tools/workspace/tenant-workspace.js';
import type { RunRuntime } from './run-runtime.js';

export interface SideEffectOutcome {
  outcome: ToolOutcome;
  /** True when an earlier execution's outcome was reused instead of running again. */
  reused: boolean;
}

export async function executeSideEffectOnce(
  runtime: RunRuntime,
  input: { key: string; toolName: string; arguments: Record<string, unknown> },
): Promise<SideEffectOutcome> {
  const { store, tools, config } = runtime.deps;
  // A cancelled or abandoned run starts no side effect.
  runtime.signal?.throwIfAborted();
  runtime.sideEffectsStarted += 1;
  const claimed = await store.claimSideEffect(input.key, runtime.threadId);
  if (!claimed) {
    const existing = await store.getSideEffect(input.key);
    // No claim at all: the store refused it because the run was cancelled.
    if (!existing) throw new RiptideError('aborted', 'the run was cancelled');
    if (existing.outcome) return { outcome: existing.outcome, reused: true };
    // Claimed but never recorded: the process that ran it died in between.
    if (!tools.get(input.toolName)?.idempotent) {
      const outcome: ToolOutcome = {
        ok: false,
        kind: 'tool_error',
        error:
          `the process running '${input.toolName}' stopped before its outcome was recorded; it may or may not ` +
          'have acted, and it is not run again because it is not idempotent — check before retrying',
      };
      await store.recordSideEffectOutcome(input.key, outcome);
      return { outcome, reused: true };
    }
  }
  const ran = await tools.run(input.toolName, input.arguments, {
    tenantId: runtime.options.tenant_id,
    workspaceDir: tenantWorkspaceDir(config.workspaceDir, runtime.options.tenant_id),
    signal: runtime.signal ?? new AbortController().signal,
    idempotencyKey: input.key,
  });
  const outcome: ToolOutcome = ran.ok ? { ok: true, output: ran.output } : ran;
  await store.recordSideEffectOutcome(input.key, outcome);
  return { outcome, reused: false };
}
