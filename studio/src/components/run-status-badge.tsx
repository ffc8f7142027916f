// A run's status as a badge, coloured by how the run ended.
import { displayStatus } from './display-status';

const TONE: Record<string, string> = {
  completed: 'ok',
  failed: 'bad',
  blocked: 'bad',
  cancelled: 'bad',
  pending: 'warn',
  pending_approval: 'warn',
  running: 'info',
  queued: 'info',
};

export function RunStatusBadge({ run }: { run: { status: string; mode?: string | null; blocked?: boolean } }) {
  const status = displayStatus(run);
  return (
    <span className={`badge status ${TONE[status] ?? ''}`} data-status={status}>
      {status}
    </span>
  );
}
