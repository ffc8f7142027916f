// JSON and YAML tools: format, minify, validate, query by path, flatten, sort keys, convert, and
// check a document against a JSON Schema.
import YAML from 'yaml';
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import { createArgumentsValidator } from '../tool-arguments-validator.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const json = nonEmptyText('The JSON document as text.');

export function parseJson(value: string, what = 'json'): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ToolInputError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      throw new ToolInputError(`path '${path}' not found (stopped at '${part}')`);
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function createJsonTools(): ToolSpec[] {
  const category = 'json';
  return [
    defineTool<{ json: string; indent: number }>({
      name: 'json_format',
      description: 'Pretty-print (format, beautify, indent) a JSON document.',
      category,
      tags: ['json', 'pretty print', 'format', 'beautify', 'indent'],
      parameters: { json, indent: withDefault(integer('Spaces per indentation level.', 0, 8), 2) },
      handler: (args) => JSON.stringify(parseJson(args.json), null, args.indent),
    }),
    defineTool<{ json: string }>({
      name: 'json_minify',
      description: 'Minify a JSON document by removing all insignificant whitespace.',
      category,
      tags: ['json', 'minify', 'compact', 'compress', 'whitespace'],
      parameters: { json },
      handler: (args) => JSON.stringify(parseJson(args.json)),
    }),
    defineTool<{ json: string }>({
      name: 'json_validate',
      description: 'Check whether a text is valid JSON syntax and report the parse error position if not.',
      category,
      tags: ['json', 'validate', 'syntax', 'parse', 'lint', 'check'],
      parameters: { json: text('The text to check.') },
      handler: (args) => {
        try {
          const value = JSON.parse(args.json);
          return { valid: true, type: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value };
        } catch (error) {
          return { valid: false, error: (error as Error).message };
        }
      },
    }),
    defineTool<{ json: string; path: string }>({
      name: 'json_get_path',
      description: 'Read a value from a JSON document by a dot path such as "user.address.city" or "items[0].id".',
      category,
      tags: ['json', 'path', 'query', 'get', 'field', 'extract', 'jsonpath'],
      parameters: { json, path: nonEmptyText('Dot/bracket path to the value, e.g. "items[0].name".', 500) },
      handler: (args) => getPath(parseJson(args.json), args.path),
    }),
    defineTool<{ json: string }>({
      name: 'json_keys',
      description: 'List the top-level keys of a JSON object (or the length of an array).',
      category,
      tags: ['json', 'keys', 'fields', 'properties', 'structure'],
      parameters: { json },
      handler: (args) => {
        const value = parseJson(args.json);
        if (Array.isArray(value)) return { type: 'array', length: value.length };
        if (value && typeof value === 'object') return Object.keys(value);
        throw new ToolInputError('json must be an object or an array');
      },
    }),
    defineTool<{ json: string }>({
      name: 'json_sort_keys',
      description: 'Sort the keys of every object in a JSON document alphabetically (canonical JSON).',
      category,
      tags: ['json', 'sort', 'keys', 'canonical', 'normalize', 'stable'],
      parameters: { json },
      handler: (args) => JSON.stringify(sortKeys(parseJson(args.json)), null, 2),
    }),
    defineTool<{ json: string; separator: string }>({
      name: 'json_flatten',
      description: 'Flatten nested JSON into a single-level object with dotted keys like "a.b.0.c".',
      category,
      tags: ['json', 'flatten', 'nested', 'dot notation', 'unnest'],
      parameters: { json, separator: withDefault(nonEmptyText('Key separator.', 3), '.') },
      handler: ({ json: source, separator }) => {
        const out: Record<string, unknown> = {};
        const walk = (value: unknown, prefix: string): void => {
          if (value && typeof value === 'object' && Object.keys(value).length > 0) {
            for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}${separator}${key}` : key);
          } else out[prefix] = value;
        };
        walk(parseJson(source), '');
        return out;
      },
    }),
    defineTool<{ json: string }>({
      name: 'json_to_yaml',
      description: 'Convert a JSON document to YAML.',
      category,
      tags: ['json', 'yaml', 'convert', 'yml'],
      parameters: { json },
      handler: (args) => YAML.stringify(parseJson(args.json)),
    }),
    defineTool<{ yaml: string }>({
      name: 'yaml_to_json',
      description: 'Convert a YAML document to JSON.',
      category,
      tags: ['yaml', 'yml', 'json', 'convert', 'parse'],
      parameters: { yaml: nonEmptyText('The YAML document as text.') },
      handler: (args) => {
        try {
          return JSON.stringify(YAML.parse(args.yaml, { maxAliasCount: 100 }), null, 2);
        } catch (error) {
          throw new ToolInputError(`yaml is not valid YAML: ${(error as Error).message}`);
        }
      },
    }),
    defineTool<{ json: string; schema: string }>({
      name: 'json_schema_validate',
      description: 'Validate a JSON document against a JSON Schema and list every violation with its path.',
      category,
      tags: ['json', 'schema', 'validate', 'json schema', 'conform', 'contract'],
      parameters: { json, schema: nonEmptyText('The JSON Schema as JSON text.', 50_000) },
      handler: (args) => {
        const schema = parseJson(args.schema, 'schema');
        if (!schema || typeof schema !== 'object') throw new ToolInputError('schema must be a JSON object');
        let check: (value: unknown) => string[];
        try {
          check = createArgumentsValidator().compile(schema as Record<string, unknown>);
        } catch (error) {
          throw new ToolInputError(`schema is not a valid JSON Schema: ${(error as Error).message}`);
        }
        const errors = check(parseJson(args.json)).map((message) => message.replace(/^arguments/, '$'));
        return { valid: errors.length === 0, errors };
      },
    }),
  ];
}
