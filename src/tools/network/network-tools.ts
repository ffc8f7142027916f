// Network tools, present only when RIPTIDE_ENABLE_NETWORK is on: http_get (text, bounded,
// SSRF-guarded) and web_search against the configured SearXNG instance.
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';
import type { HostLookup } from './address-guard.js';
import { safeHttpGet } from './safe-http-get.js';

export interface NetworkToolOptions {
  networkAllowHosts: readonly string[];
  searxngUrl: string | null;
  /** Replaces DNS resolution (tests). */
  lookup?: HostLookup;
}

const MAX_BYTES = 2 * 1024 * 1024;

export function createNetworkRequestTools(options: NetworkToolOptions): ToolSpec[] {
  const category = 'web';
  const tools: ToolSpec[] = [
    defineTool<{ url: string; max_bytes: number; timeout_ms: number }>({
      name: 'http_get',
      description: 'Fetch a web page or API URL over HTTP(S) and return its text (public addresses only).',
      category,
      tags: ['http', 'fetch', 'download', 'web page', 'url', 'get', 'api', 'internet', 'website'],
      parameters: {
        url: nonEmptyText('The http(s) URL to fetch.', 4_000),
        max_bytes: withDefault(integer('Stop reading after this many bytes.', 1, MAX_BYTES), 512 * 1024),
        timeout_ms: withDefault(integer('Give up after this many milliseconds.', 100, 30_000), 10_000),
      },
      handler: async (args, context) => {
        const result = await safeHttpGet(args.url, {
          allowHosts: options.networkAllowHosts,
          maxBytes: args.max_bytes,
          timeoutMs: args.timeout_ms,
          signal: context.signal,
          lookup: options.lookup,
        });
        return result;
      },
    }),
  ];
  const searxng = options.searxngUrl;
  if (searxng) {
    // The operator configured this instance; it usually runs on a private address, so its host is allowed.
    const searxngHost = new URL(searxng).host;
    tools.push(
      defineTool<{ query: string; limit: number }>({
        name: 'web_search',
        description:
          'Search the web (through the configured SearXNG engine) and return result titles, URLs and snippets.',
        category,
        tags: ['web search', 'search engine', 'internet', 'google', 'look up online', 'news', 'research'],
        parameters: {
          query: nonEmptyText('The search query.', 500),
          limit: withDefault(integer('How many results.', 1, 20), 5),
        },
        handler: async (args, context) => {
          const url = new URL('search', searxng.endsWith('/') ? searxng : `${searxng}/`);
          url.searchParams.set('q', args.query);
          url.searchParams.set('format', 'json');
          const response = await safeHttpGet(url.toString(), {
            allowHosts: [...options.networkAllowHosts, searxngHost],
            maxBytes: MAX_BYTES,
            timeoutMs: 15_000,
            signal: context.signal,
            lookup: options.lookup,
            accept: 'application/json',
          });
          if (response.status !== 200) throw new ToolInputError(`search engine answered HTTP ${response.status}`);
          let parsed: { results?: Array<{ title?: string; url?: string; content?: string }> };
          try {
            parsed = JSON.parse(response.body);
          } catch {
            throw new ToolInputError('search engine did not answer JSON (is format=json enabled in SearXNG?)');
          }
          return (parsed.results ?? []).slice(0, args.limit).map((result) => ({
            title: result.title ?? '',
            url: result.url ?? '',
            snippet: (result.content ?? '').slice(0, 500),
          }));
        },
      }),
    );
  }
  return tools;
}
