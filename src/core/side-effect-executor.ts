// Runs an approved side-effecting tool exactly once per thread and call: a persisted idempotency
// record (store.claimSideEffect) decides who runs it; a repeat reuses the recorded output.
import { TOOL_ERROR_PREFIX } from '../prompts/contract.js';
import { tenantWorkspaceDir } from '../tools/workspace/tenant-workspace.js';
import type { RunRuntime } from './run-runtime.js';

export interface SideEffectOutcome {
  ok: boolean;
  /** The observation handed back to the model. */
  observation: string;
  /** True when an earlier execution's output was reused instead of running again. */
  reused: boolean;
}

export async function executeSideEffectOnce(
  runtime: RunRuntime,
  input: { key: string; toolName: string; arguments: Record<string, unknown> },
): Promise<SideEffectOutcome> {
  const { store, tools, config } = runtime.deps;
  const claimed = await store.claimSideEffect(input.key, runtime.threadId);
  if (!claimed) {
    const existing = await store.getSideEffect(input.key);
    const output = existing?.output ?? 'this call was already executed';
    return { ok: !output.startsWith(TOOL_ERROR_PREFIX), observation: output, reused: true };
  }
  const ran = await tools.run(input.toolName, input.arguments, {
    tenantId: runtime.options.tenant_id,
    workspaceDir: tenantWorkspaceDir(config.workspaceDir, runtime.options.tenant_id),
    signal: runtime.signal ?? new AbortController().signal,
    idempotencyKey: input.key,
  });
  const observation = ran.ok ? ran.output : `${TOOL_ERROR_PREFIX} (${ran.kind}): ${ran.error}`;
  await store.recordSideEffectOutput(input.key, observation);
  return { ok: ran.ok, observation, reused: false };
}
