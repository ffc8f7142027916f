// What the generated OpenAPI document needs beyond the routes' zod schemas to pass Redocly's
// recommended rules: an operationId on every operation (derived from method and path unless the
// route names one), the servers it is reachable at, a license, and no `anyOf` with an empty
// member (zod's `unknown().nullable()` — an empty schema already matches null).
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `post /api/runs/{thread_id}/cancel` → `postApiRunsThreadIdCancel`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1));
  return `${method}${words.join('')}`;
}

/** Replaces every `anyOf` that has an empty (match-anything) member by the match-anything schema. */
function collapseEmptyAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) collapseEmptyAnyOf(item);
    return;
  }
  if (!isObject(node)) return;
  const anyOf = node.anyOf;
  if (Array.isArray(anyOf) && anyOf.some((member) => isObject(member) && Object.keys(member).length === 0)) {
    delete node.anyOf;
  }
  for (const value of Object.values(node)) collapseEmptyAnyOf(value);
}

export function applyOpenApiLintFixes<T extends object>(
  document: T,
  servers: { url: string; description: string }[],
): T {
  const doc = document as JsonObject;
  doc.servers = servers;
  if (isObject(doc.info)) doc.info.license = { name: 'MIT', identifier: 'MIT' };
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(operation)) continue;
      operation.operationId ??= operationIdOf(method, path);
    }
  }
  collapseEmptyAnyOf(doc.paths);
  if (isObject(doc.components)) collapseEmptyAnyOf(doc.components);
  return document;
}
