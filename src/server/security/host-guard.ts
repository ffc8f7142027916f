// The DNS-rebinding guard: a web page that rebinds its own name to 127.0.0.1 still sends its name as
// the Host header, so only loopback names, RIPTIDE_ALLOWED_HOSTS and the address the server was
// bound to are answered; anything else is 421 `bad_host` before any route runs.
import type { FastifyInstance } from 'fastify';
import { RiptideError } from '../../errors/riptide-error.js';
import { isLoopbackHost, isWildcardAddress } from './loopback.js';

export interface HostGuardOptions {
  /** RIPTIDE_ALLOWED_HOSTS, lower-cased; `.example.com` also allows its subdomains. */
  allowedHosts: readonly string[];
  /** The address the server listens on: a specific one is itself an allowed Host. */
  bindHost: string;
}

/** The name part of a Host header (`[::1]:8000` → `[::1]`, `Example.COM.:80` → `example.com`). */
export function hostNameOf(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end === -1 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return (colon === -1 ? value : value.slice(0, colon)).replace(/\.$/, '');
}

export function isAllowedHost(header: string | undefined, options: HostGuardOptions): boolean {
  if (!header) return false;
  const name = hostNameOf(header);
  if (name === '' || isLoopbackHost(name)) return name !== '';
  const bound = options.bindHost.toLowerCase();
  if (!isWildcardAddress(bound) && (name === bound || name === `[${bound}]`)) return true;
  return options.allowedHosts.some((entry) =>
    entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry,
  );
}

export function installHostGuard(app: FastifyInstance, options: HostGuardOptions): void {
  app.addHook('onRequest', async (request) => {
    if (!isAllowedHost(request.headers.host, options)) {
      throw new RiptideError(
        'bad_host',
        'this server does not answer to that Host name; add it to RIPTIDE_ALLOWED_HOSTS if it is yours',
      );
    }
  });
}
