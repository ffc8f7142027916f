// Whether a server asks for keys, decided once from RIPTIDE_AUTH and the bind address: always beyond
// loopback (binding there with auth off refuses to start unless --insecure-no-auth), and on loopback
// as soon as a key exists unless RIPTIDE_AUTH=off.
import { RiptideError } from '../../errors/riptide-error.js';
import type { AuthMode } from './authentication.js';
import { isLoopbackHost } from './loopback.js';

export interface AuthModeInput {
  /** RIPTIDE_AUTH (null when unset). */
  configured: 'required' | 'off' | null;
  bindHost: string;
  /** `riptide serve --insecure-no-auth`: serve beyond loopback without keys, knowingly. */
  insecureNoAuth: boolean;
}

export function resolveAuthMode({ configured, bindHost, insecureNoAuth }: AuthModeInput): AuthMode {
  if (configured === 'required') return 'required';
  if (isLoopbackHost(bindHost)) return configured === 'off' ? 'off' : 'auto';
  if (insecureNoAuth) return 'off';
  if (configured === 'off') {
    throw new RiptideError(
      'config_error',
      `refusing to serve ${bindHost} (beyond loopback) with RIPTIDE_AUTH=off: anyone who can reach it could run tools. Create keys with \`riptide keys create\` and unset RIPTIDE_AUTH, or pass --insecure-no-auth if something in front of riptide authenticates every request`,
    );
  }
  return 'required';
}
