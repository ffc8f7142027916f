// The status a person should read for a run: a run the input guardrail stopped is "blocked" (the
// store records it as completed, in mode `blocked`), a paused one "pending"; queued and cancelled runs
// keep their own word.
export function displayStatus(run: { status: string; mode?: string | null; blocked?: boolean }): string {
  if (run.blocked || run.mode === 'blocked') return 'blocked';
  if (run.status === 'pending_approval') return 'pending';
  return run.status;
}
