// The concurrent-run cap: a route that runs the agent graph (route config `startsRun`) holds one of
// its tenant's run slots from validation until its response closes — completed, failed, streamed to
// the end or abandoned by the client — so no slot ever leaks. Past the cap: 429 `rate_limited`.
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { RiptideError } from '../../errors/riptide-error.js';
import type { Store } from '../../store/store.js';
import type { RunSlots } from './run-slots.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route runs the agent graph (or a chat turn): it holds a run slot of its tenant while it lasts. */
    startsRun?: boolean;
  }
}

export interface RunSlotGuardOptions {
  slots: RunSlots;
  /** To find the tenant of a resumed thread. */
  store: Pick<Store, 'getRun'>;
}

function tenantField(value: unknown): string | undefined {
  const tenant = (value as { tenant_id?: unknown } | null)?.tenant_id;
  return typeof tenant === 'string' ? tenant : undefined;
}

/** Whose run this request starts: the validated tenant_id, the resumed thread's tenant, the key's. */
async function runTenant(request: FastifyRequest, store: Pick<Store, 'getRun'>): Promise<string> {
  const named = tenantField(request.body) ?? tenantField(request.query);
  if (named) return named;
  const threadId = (request.params as { thread_id?: unknown } | null)?.thread_id;
  if (typeof threadId === 'string') {
    const run = await store.getRun(threadId);
    if (run) return run.tenant_id;
  }
  const principal = request.riptidePrincipal;
  return principal?.kind === 'key' ? principal.tenantId : 'default';
}

export function installRunSlotGuard(app: FastifyInstance, options: RunSlotGuardOptions): void {
  const holdSlot: preHandlerAsyncHookHandler = async (request, reply) => {
    const tenant = await runTenant(request, options.store);
    const release = await options.slots.tryAcquire(tenant);
    if (!release) {
      reply.header('retry-after', '1');
      throw new RiptideError(
        'rate_limited',
        `tenant '${tenant}' already has ${options.slots.max} runs in flight; retry when one finishes`,
      );
    }
    // 'close' fires exactly once for every response: finished, failed or cut off by the client.
    reply.raw.once('close', release);
    if (reply.raw.destroyed) release();
  };
  app.addHook('onRoute', (route) => {
    if (!route.config?.startsRun) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, holdSlot];
  });
}
