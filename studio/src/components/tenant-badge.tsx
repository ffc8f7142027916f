// Shows whom the Studio acts as: the tenant of the key (or "admin"), with a way to sign out.
import { useIdentity } from '../app/identity-context';

export function TenantBadge() {
  const identity = useIdentity();
  if (!identity || identity.whoami.auth === 'off') return null;
  const { whoami, signOut } = identity;
  return (
    <span className="tenant-badge" data-testid="tenant-badge">
      <span>
        {whoami.admin ? 'Admin' : 'Tenant'} <strong>{whoami.tenant_id}</strong>
      </span>
      <button type="button" className="button ghost" onClick={signOut}>
        Sign out
      </button>
    </span>
  );
}
