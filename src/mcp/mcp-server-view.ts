// How an allowlisted MCP server is shown to people (status, CLI, errors): its name, prefix and what
// it launches or reaches — never env values, header values, URL credentials or query strings.
import type { McpServerConfig } from '../config/config.js';

export interface McpServerDescription {
  name: string;
  /** The prefix its tools get in the registry (see mcpToolPrefix). */
  prefix: string;
  description: string;
  transport: 'stdio' | 'http';
  /** The executable (stdio) or the URL without credentials and query (http). */
  command: string;
  args: string[];
  url: string | null;
  /** Names only: values may be secrets. */
  env_keys: string[];
  header_keys: string[];
}

/** The registry prefix for a server's tools: the configured one, else the server name. */
export function mcpToolPrefix(server: McpServerConfig): string {
  return server.prefix ?? server.name.replace(/[^A-Za-z0-9_]/g, '_');
}

export function describeMcpServer(server: McpServerConfig): McpServerDescription {
  const base = { name: server.name, prefix: mcpToolPrefix(server), description: server.description };
  if ('command' in server) {
    return {
      ...base,
      transport: 'stdio',
      command: server.command,
      args: server.args,
      url: null,
      env_keys: Object.keys(server.env),
      header_keys: [],
    };
  }
  const url = safeUrl(server.url);
  return {
    ...base,
    transport: 'http',
    command: url,
    args: [],
    url,
    env_keys: [],
    header_keys: Object.keys(server.headers),
  };
}

/** Values that must never appear in a message: env and header values, URL credentials and query. */
export function secretValuesOf(server: McpServerConfig): string[] {
  const values: string[] = [];
  if ('command' in server) values.push(...Object.values(server.env));
  else {
    values.push(...Object.values(server.headers));
    const url = new URL(server.url);
    values.push(url.username, url.password, url.search.slice(1));
  }
  // Very short values ("1", "true") would redact ordinary words and protect nothing.
  return values.filter((value) => value.length >= 4);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

function safeUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname}`;
}
