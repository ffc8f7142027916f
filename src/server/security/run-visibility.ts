// Runs are looked up by thread id alone; for a tenant key a thread of another tenant answers exactly
// like an unknown one (404 `unknown_run`), so a key cannot learn which threads exist elsewhere.
import { RiptideError } from '../../errors/riptide-error.js';
import type { Store } from '../../store/store.js';

export async function assertRunVisible(store: Store, threadId: string, tenant: string | null): Promise<void> {
  if (tenant === null) return;
  const run = await store.getRun(threadId);
  if (!run || run.tenant_id !== tenant) {
    throw new RiptideError('unknown_run', `no run with thread id '${threadId}'`);
  }
}
