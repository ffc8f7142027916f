// URL tools on the WHATWG URL class: parse, build, resolve, normalise and read query strings.
import { defineTool } from '../define-tool.js';
import { nonEmptyText } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const urlField = nonEmptyText('The absolute URL, e.g. "https://example.com/a?b=1".', 8_000);

export function parseUrl(value: string): URL {
  try {
    return new URL(value.trim());
  } catch {
    throw new ToolInputError(`'${value.slice(0, 200)}' is not an absolute URL`);
  }
}

export function createUrlTools(): ToolSpec[] {
  const category = 'url';
  return [
    defineTool<{ url: string }>({
      name: 'parse_url',
      description: 'Split a URL into its parts: protocol, host, port, path, query parameters and fragment.',
      category,
      tags: ['url', 'parse', 'host', 'domain', 'path', 'components', 'link'],
      parameters: { url: urlField },
      handler: (args) => {
        const url = parseUrl(args.url);
        return {
          protocol: url.protocol.replace(/:$/, ''),
          host: url.hostname,
          port: url.port || null,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          fragment: url.hash.replace(/^#/, '') || null,
          origin: url.origin,
        };
      },
    }),
    defineTool<{ query: string }>({
      name: 'parse_query_string',
      description: 'Parse a URL query string ("a=1&b=two") into key/value pairs; repeated keys become lists.',
      category,
      tags: ['url', 'query string', 'parameters', 'params', 'parse', 'search params'],
      parameters: { query: nonEmptyText('The query string, with or without the leading "?" (or a full URL).', 8_000) },
      handler: (args) => {
        const raw = args.query.includes('?') ? args.query.slice(args.query.indexOf('?') + 1) : args.query;
        const out: Record<string, string | string[]> = {};
        for (const [key, value] of new URLSearchParams(raw.split('#')[0])) {
          const existing = out[key];
          out[key] =
            existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        }
        return out;
      },
    }),
    defineTool<{ base: string; params: Record<string, string> }>({
      name: 'build_url',
      description: 'Build a URL from a base and query parameters, encoding them correctly.',
      category,
      tags: ['url', 'build', 'query string', 'parameters', 'encode', 'construct'],
      parameters: {
        base: urlField,
        params: {
          type: 'object',
          description: 'Query parameters to set, name → value.',
          maxProperties: 100,
          additionalProperties: { type: 'string', maxLength: 2_000 },
        },
      },
      handler: (args) => {
        const url = parseUrl(args.base);
        for (const [key, value] of Object.entries(args.params)) url.searchParams.set(key, value);
        return url.toString();
      },
    }),
    defineTool<{ base: string; reference: string }>({
      name: 'resolve_url',
      description: 'Resolve a relative link (like "../img/a.png") against a base URL into an absolute URL.',
      category,
      tags: ['url', 'resolve', 'relative', 'absolute', 'join', 'link'],
      parameters: { base: urlField, reference: nonEmptyText('The relative or absolute reference.', 8_000) },
      handler: (args) => {
        try {
          return new URL(args.reference, parseUrl(args.base)).toString();
        } catch {
          throw new ToolInputError(`cannot resolve '${args.reference}'`);
        }
      },
    }),
    defineTool<{ url: string }>({
      name: 'normalize_url',
      description:
        'Normalise a URL: lowercase host, drop default ports, fragments and utm_ tracking parameters, sort the query.',
      category,
      tags: ['url', 'normalize', 'canonical', 'clean', 'tracking', 'utm', 'dedupe'],
      parameters: { url: urlField },
      handler: (args) => {
        const url = parseUrl(args.url);
        url.hash = '';
        for (const key of [...url.searchParams.keys()])
          if (/^(utm_|fbclid$|gclid$)/.test(key)) url.searchParams.delete(key);
        url.searchParams.sort();
        return url.toString();
      },
    }),
  ];
}
