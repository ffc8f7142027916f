// The one rule for where a tenant's files live: each tenant gets its own directory under the
// workspace root, and every file tool of a run, an invoke or an MCP call resolves inside it, so no
// tenant can name another tenant's files.
import path from 'node:path';
import { RiptideError } from '../../errors/riptide-error.js';
import { isIdentifier } from '../../spec/identifier.js';

/** `<workspace>/tenants/<tenant>`; refuses a tenant id that is not a safe identifier. */
export function tenantWorkspaceDir(workspaceRoot: string, tenantId: string): string {
  if (!isIdentifier(tenantId)) throw new RiptideError('workspace_violation', `invalid tenant id '${tenantId}'`);
  return path.join(workspaceRoot, 'tenants', tenantId);
}
