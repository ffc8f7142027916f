// The observers of a riptide instance's runs: tracing from start-up, metrics added by a server when
// it starts (and removed when it closes). One failing observer never disturbs a run or the others.
import type { ObservedRun, RunObservation, RunObserver } from '../spec/run-observer.js';

export interface RunObserverSet extends RunObserver {
  /** Adds an observer for runs that begin from now on; returns its removal. */
  add(observer: RunObserver): () => void;
}

export function createRunObserverSet(initial: RunObserver[] = []): RunObserverSet {
  const observers = new Set<RunObserver>(initial);
  const quietly = (work: () => void) => {
    try {
      work();
    } catch {
      // Telemetry is a bystander: its failure is never the run's.
    }
  };
  return {
    add(observer) {
      observers.add(observer);
      return () => {
        observers.delete(observer);
      };
    },
    begin(run: ObservedRun): RunObservation {
      const observations: RunObservation[] = [];
      for (const observer of observers) quietly(() => observations.push(observer.begin(run)));
      return {
        event: (event) => {
          for (const observation of observations) quietly(() => observation.event(event));
        },
        end: (error) => {
          for (const observation of observations) quietly(() => observation.end(error));
        },
      };
    },
  };
}
