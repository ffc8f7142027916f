// A push-to-pull bridge: producers push events (or a failure) as a run progresses; a consumer reads
// them as an AsyncIterable. Stopping the consumer early calls `onCancel` (the run is aborted).
export interface EventQueue<T> extends AsyncIterable<T> {
  push(event: T): void;
  end(): void;
  fail(error: unknown): void;
}

export function createEventQueue<T>(onCancel?: () => void): EventQueue<T> {
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let rejectWaiting: ((error: unknown) => void) | null = null;
  let done = false;
  let failure: { error: unknown } | null = null;

  const settle = () => {
    if (!waiting) return;
    const resolve = waiting;
    const reject = rejectWaiting;
    if (buffer.length > 0) {
      waiting = null;
      rejectWaiting = null;
      resolve({ value: buffer.shift() as T, done: false });
    } else if (failure) {
      waiting = null;
      rejectWaiting = null;
      reject?.(failure.error);
    } else if (done) {
      waiting = null;
      rejectWaiting = null;
      resolve({ value: undefined, done: true });
    }
  };

  return {
    push(event) {
      if (done || failure) return;
      buffer.push(event);
      settle();
    },
    end() {
      done = true;
      settle();
    },
    fail(error) {
      if (done) return;
      failure = { error };
      settle();
    },
    [Symbol.asyncIterator]() {
      return {
        next: () =>
          new Promise<IteratorResult<T>>((resolve, reject) => {
            waiting = resolve;
            rejectWaiting = reject;
            settle();
          }),
        return: async () => {
          if (!done && !failure) onCancel?.();
          done = true;
          buffer.length = 0;
          return { value: undefined, done: true };
        },
      };
    },
  };
}
