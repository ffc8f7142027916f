// Offline IP address tools on ipaddr.js: CIDR membership, subnet details and address conversion.
// Nothing here touches the network.
import ipaddr from 'ipaddr.js';
import { defineTool } from '../define-tool.js';
import { nonEmptyText } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const cidr = nonEmptyText('A CIDR block, e.g. "10.0.0.0/8" or "2001:db8::/32".', 64);

function parseCidr(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  try {
    return ipaddr.parseCIDR(value.trim());
  } catch {
    throw new ToolInputError(`'${value}' is not a CIDR block like 192.168.0.0/16`);
  }
}

function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (!ipaddr.isValid(value.trim())) throw new ToolInputError(`'${value}' is not an IP address`);
  return ipaddr.parse(value.trim());
}

export function createNetworkTools(): ToolSpec[] {
  const category = 'network';
  return [
    defineTool<{ ip: string; cidr: string }>({
      name: 'cidr_contains',
      description: 'Check whether an IP address is inside a CIDR block (subnet membership).',
      category,
      tags: ['ip', 'cidr', 'subnet', 'contains', 'inside', 'within', 'in range', 'network', 'firewall'],
      parameters: { ip: nonEmptyText('The IP address.', 64), cidr },
      handler: (args) => {
        const address = parseAddress(args.ip);
        const range = parseCidr(args.cidr);
        return address.kind() === range[0].kind() && address.match(range as [any, number]);
      },
    }),
    defineTool<{ cidr: string }>({
      name: 'cidr_info',
      description: 'Describe a CIDR subnet: network and broadcast address, netmask and number of hosts.',
      category,
      tags: ['ip', 'cidr', 'subnet', 'netmask', 'broadcast', 'hosts', 'network calculator'],
      parameters: { cidr },
      handler: (args) => {
        const [address, prefix] = parseCidr(args.cidr);
        const bits = address.kind() === 'ipv4' ? 32 : 128;
        const size = 2n ** BigInt(bits - prefix);
        const info: Record<string, unknown> = { version: bits === 32 ? 4 : 6, prefix, addresses: size.toString() };
        if (address.kind() === 'ipv4') {
          info.network = ipaddr.IPv4.networkAddressFromCIDR(args.cidr.trim()).toString();
          info.broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(args.cidr.trim()).toString();
          info.netmask = ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
          info.usable_hosts = prefix >= 31 ? Number(size) : Number(size) - 2;
        } else info.network = ipaddr.IPv6.networkAddressFromCIDR(args.cidr.trim()).toString();
        return info;
      },
    }),
    defineTool<{ ip: string }>({
      name: 'ip_address_info',
      description:
        'Classify an IP address (private, loopback, public unicast…) and show its normalized and integer forms.',
      category,
      tags: ['ip', 'address', 'private', 'public', 'loopback', 'classify', 'range'],
      parameters: { ip: nonEmptyText('The IP address.', 64) },
      handler: (args) => {
        const address = parseAddress(args.ip);
        const bytes = address.toByteArray();
        const integer = bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
        return {
          version: address.kind() === 'ipv4' ? 4 : 6,
          range: address.range(),
          normalized: address.toNormalizedString(),
          integer: integer.toString(),
        };
      },
    }),
  ];
}
