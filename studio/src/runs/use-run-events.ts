// Loads a run's recorded events and, while `follow` is on (the run is still going), keeps asking for
// the ones after the last seen, so the run graph grows as the run executes.
import { useEffect, useState } from 'react';
import type { RunEvent } from '../api/types';
import { useApi } from '../app/api-context';

const FOLLOW_INTERVAL_MS = 1000;

export function useRunEvents(threadId: string | null, follow = false) {
  const api = useApi();
  const [events, setEvents] = useState<RunEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    setEvents([]);
    setError(null);
    setLoaded(false);
    if (!threadId) return;
    let current = true;
    let lastSeq = -1;
    let timer: number | undefined;
    const load = async () => {
      try {
        const page = await api.runEvents(threadId, lastSeq);
        if (!current) return;
        if (page.events.length) {
          lastSeq = page.events[page.events.length - 1].seq;
          setEvents((list) => [...list, ...page.events.map((entry) => entry.event)]);
        }
        setLoaded(true);
      } catch (caught) {
        if (current) setError(caught);
      }
      if (current && follow) timer = window.setTimeout(() => void load(), FOLLOW_INTERVAL_MS);
    };
    void load();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, threadId, follow]);

  return { events, error, loaded };
}
