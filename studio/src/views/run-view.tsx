// The run page (/runs/<thread id>): a durable link to one run. A finished run opens in the inspector; a
// running one shows its graph growing from the recorded events; a pending one can be decided here.
import { useEffect, useState } from 'react';
import { isPendingRun, type RunLookup } from '../api/types';
import { useApi } from '../app/api-context';
import { useRouter } from '../app/router-context';
import { useAsync } from '../app/use-async';
import { ApprovalCard } from '../components/approval-card';
import { ErrorMessage } from '../components/error-message';
import { NavLink } from '../components/nav-link';
import { PageHeader } from '../components/page-header';
import { RunInspector } from '../components/run-inspector';
import { RunStatusBadge } from '../components/run-status-badge';
import { Spinner } from '../components/spinner';
import { RunGraphPanel } from '../runs/run-graph-panel';
import { threadIdOfPath } from '../runs/run-path';
import { useRunEvents } from '../runs/use-run-events';

const LOOKUP_INTERVAL_MS = 1500;

function isUnfinished(lookup: RunLookup | undefined): boolean {
  return !!lookup && !isPendingRun(lookup) && lookup.status !== 'completed' && lookup.status !== 'failed';
}

export function RunView() {
  const api = useApi();
  const router = useRouter();
  const threadId = threadIdOfPath(router.path);
  const lookup = useAsync(() => api.getRun(threadId), [api, threadId]);
  const [decided, setDecided] = useState<RunLookup | null>(null);
  const [busy, setBusy] = useState(false);
  const [decideError, setDecideError] = useState<unknown>(null);
  const current = decided ?? lookup.data;
  const unfinished = isUnfinished(current);
  const live = useRunEvents(unfinished ? threadId : null, true);
  const { reload } = lookup;

  // A run still going is looked up again until it finishes or pauses.
  useTimeoutWhile(unfinished && !lookup.loading, reload);

  const decide = async (approved: boolean, answer: string | null) => {
    setBusy(true);
    setDecideError(null);
    try {
      setDecided(await api.resume(threadId, approved, answer));
    } catch (caught) {
      setDecideError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="view">
      <PageHeader title="Run">
        <code>{threadId}</code> {current ? <RunStatusBadge run={current} /> : null} ·{' '}
        <NavLink to="/history">All runs</NavLink>
      </PageHeader>
      <ErrorMessage error={lookup.error} title="Could not load the run" />
      <ErrorMessage error={decideError} title="Could not resume the run" />
      {lookup.loading && !current ? <Spinner label="Loading the run…" /> : null}
      {current && isPendingRun(current) ? (
        <ApprovalCard
          key={JSON.stringify(current.action)}
          action={current.action}
          busy={busy}
          onDecide={(approved, answer) => void decide(approved, answer)}
        />
      ) : null}
      {unfinished ? (
        <section className="card" aria-label="Run graph">
          <h2>Run graph</h2>
          <Spinner label="The run is still working; nodes appear as they finish." />
          <RunGraphPanel events={live.events} trace={[]} live error={live.error} />
        </section>
      ) : null}
      {current &&
      !isPendingRun(current) &&
      (current.status === 'completed' || current.status === 'failed') &&
      'final_answer' in current ? (
        <RunInspector result={current} linkToRunPage={false} />
      ) : null}
    </div>
  );
}

/** Calls `callback` once after a pause whenever `active` becomes (or stays, on re-render) true. */
function useTimeoutWhile(active: boolean, callback: () => void) {
  useEffect(() => {
    if (!active) return;
    const timer = window.setTimeout(callback, LOOKUP_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [active, callback]);
}
