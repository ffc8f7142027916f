// SSRF guard for outbound requests: only http(s), no credentials in URLs, and every address a
// host resolves to must be public unicast unless the host is explicitly allow-listed.
import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { RiptideError } from '../../errors/riptide-error.js';

export interface ResolvedTarget {
  url: URL;
  /** The address to connect to: the one that was checked, so DNS cannot change it afterwards. */
  address: string;
  family: 4 | 6;
}

export type HostLookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

function refuse(message: string): never {
  throw new RiptideError('network_refused', message);
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** Whether `host` or `host:port` is on the operator's allow-list. */
export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowHosts.some((entry) => {
    const normalized = entry.trim().toLowerCase();
    return (
      normalized === host ||
      normalized === `${host}:${effectivePort(url)}` ||
      normalized === `[${host}]:${effectivePort(url)}`
    );
  });
}

export async function resolveSafeTarget(
  rawUrl: string,
  allowHosts: readonly string[],
  lookup: HostLookup = systemLookup,
): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    refuse(`'${rawUrl.slice(0, 200)}' is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    refuse(`only http and https URLs are allowed, not ${url.protocol}`);
  if (url.username || url.password) refuse('URLs with credentials are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await lookup(host).catch(() => refuse(`cannot resolve host '${host}'`));
  if (addresses.length === 0) refuse(`host '${host}' has no addresses`);
  const allowed = isAllowedHost(url, allowHosts);
  for (const { address } of addresses) {
    // ipaddr.process unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) so it is judged as IPv4.
    const range = ipaddr.process(address).range();
    if (range !== 'unicast' && !allowed) {
      refuse(
        `refusing ${url.hostname}: it resolves to ${address} (${range}); add the host to RIPTIDE_NETWORK_ALLOW_HOSTS to allow it`,
      );
    }
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
