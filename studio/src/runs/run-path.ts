// The run page's client route, /runs/<thread id>: kept apart from the run view so the router and the
// links to a run do not pull the view's code into the first bundle.

export const RUN_PAGE_PREFIX = '/runs/';

/** The durable link to one run. */
export function runPath(threadId: string): string {
  return `${RUN_PAGE_PREFIX}${encodeURIComponent(threadId)}`;
}

/** The thread id in a /runs/<id> path. */
export function threadIdOfPath(path: string): string {
  return decodeURIComponent(path.slice(RUN_PAGE_PREFIX.length).replace(/\/+$/, ''));
}
