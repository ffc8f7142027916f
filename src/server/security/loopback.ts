// What counts as loopback, for the bind address (auth by default beyond it) and the Host guard:
// `localhost` and its subdomains, 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses.
import ipaddr from 'ipaddr.js';

export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(name)) return false;
  const address = ipaddr.parse(name);
  const unmapped =
    address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
      ? (address as ipaddr.IPv6).toIPv4Address()
      : address;
  return unmapped.range() === 'loopback';
}

/** Wildcard bind addresses listen on every interface: never loopback, and never a Host to allow. */
export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}
