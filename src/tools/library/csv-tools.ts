// CSV tools on csv-parse / csv-stringify: convert to and from JSON, inspect headers, pick columns,
// filter and sort rows, and summarise numeric columns.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { defineTool } from '../define-tool.js';
import { boolean, choice, nonEmptyText, text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';
import { parseJson } from './json-tools.js';

const csv = nonEmptyText('The CSV text, first line being the header row.');
const delimiter = withDefault(nonEmptyText('The field delimiter.', 1), ',');
const column = nonEmptyText('The header name of the column.', 200);
type Row = Record<string, string>;

function parseRows(source: string, separator: string): Row[] {
  try {
    return parse(source, { columns: true, delimiter: separator, skip_empty_lines: true, trim: true, to: 10_000 });
  } catch (error) {
    throw new ToolInputError(`csv could not be parsed: ${(error as Error).message}`);
  }
}

function requireColumn(rows: Row[], name: string): void {
  if (rows.length > 0 && !(name in rows[0])) {
    throw new ToolInputError(`column '${name}' not found; columns are ${Object.keys(rows[0]).join(', ')}`);
  }
}

export function createCsvTools(): ToolSpec[] {
  const category = 'csv';
  return [
    defineTool<{ csv: string; delimiter: string }>({
      name: 'csv_to_json',
      description: 'Convert CSV text with a header row into a JSON array of row objects.',
      category,
      tags: ['csv', 'json', 'convert', 'parse', 'spreadsheet', 'table'],
      parameters: { csv, delimiter },
      handler: (args) => parseRows(args.csv, args.delimiter),
    }),
    defineTool<{ json: string; delimiter: string }>({
      name: 'json_to_csv',
      description: 'Convert a JSON array of objects into CSV text with a header row.',
      category,
      tags: ['json', 'csv', 'convert', 'export', 'spreadsheet', 'table'],
      parameters: { json: nonEmptyText('A JSON array of flat objects.'), delimiter },
      handler: (args) => {
        const rows = parseJson(args.json);
        if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object')) {
          throw new ToolInputError('json must be an array of objects');
        }
        return stringify(rows, { header: true, delimiter: args.delimiter });
      },
    }),
    defineTool<{ csv: string; delimiter: string }>({
      name: 'csv_headers',
      description: 'List the column names and the row count of a CSV table.',
      category,
      tags: ['csv', 'headers', 'columns', 'rows', 'shape', 'inspect'],
      parameters: { csv, delimiter },
      handler: (args) => {
        const rows = parseRows(args.csv, args.delimiter);
        const header = parse(args.csv, { delimiter: args.delimiter, to: 1, trim: true })[0] as string[] | undefined;
        return { columns: header ?? [], rows: rows.length };
      },
    }),
    defineTool<{ csv: string; column: string; delimiter: string }>({
      name: 'csv_column',
      description: 'Extract the values of one named column from a CSV table as a list.',
      category,
      tags: ['csv', 'column', 'extract', 'select', 'values'],
      parameters: { csv, column, delimiter },
      handler: (args) => {
        const rows = parseRows(args.csv, args.delimiter);
        requireColumn(rows, args.column);
        return rows.map((row) => row[args.column]);
      },
    }),
    defineTool<{ csv: string; column: string; equals: string; delimiter: string }>({
      name: 'csv_filter_rows',
      description: 'Keep only the CSV rows whose column equals a given value; returns CSV.',
      category,
      tags: ['csv', 'filter', 'where', 'rows', 'select', 'query'],
      parameters: { csv, column, equals: text('The value the column must equal.', 1_000), delimiter },
      handler: (args) => {
        const rows = parseRows(args.csv, args.delimiter);
        requireColumn(rows, args.column);
        const kept = rows.filter((row) => row[args.column] === args.equals);
        return stringify(kept, { header: true, delimiter: args.delimiter, columns: Object.keys(rows[0] ?? {}) });
      },
    }),
    defineTool<{
      csv: string;
      column: string;
      descending: boolean;
      order: 'auto' | 'text' | 'number';
      delimiter: string;
    }>({
      name: 'csv_sort',
      description: 'Sort the rows of a CSV table by a column, numerically or alphabetically; returns CSV.',
      category,
      tags: ['csv', 'sort', 'order by', 'rows', 'rank'],
      parameters: {
        csv,
        column,
        descending: withDefault(boolean('Largest first.'), false),
        order: withDefault(choice('How to compare values.', ['auto', 'text', 'number']), 'auto'),
        delimiter,
      },
      handler: (args) => {
        const rows = parseRows(args.csv, args.delimiter);
        requireColumn(rows, args.column);
        const numeric =
          args.order === 'number' ||
          (args.order === 'auto' &&
            rows.every((row) => row[args.column] !== '' && !Number.isNaN(Number(row[args.column]))));
        const sorted = [...rows].sort((a, b) =>
          numeric ? Number(a[args.column]) - Number(b[args.column]) : a[args.column].localeCompare(b[args.column]),
        );
        if (args.descending) sorted.reverse();
        return stringify(sorted, { header: true, delimiter: args.delimiter, columns: Object.keys(rows[0] ?? {}) });
      },
    }),
    defineTool<{ csv: string; delimiter: string }>({
      name: 'csv_summary',
      description:
        'Summarise each column of a CSV table: count, distinct values, and min/max/mean for numeric columns.',
      category,
      tags: ['csv', 'summary', 'describe', 'statistics', 'profile', 'columns'],
      parameters: { csv, delimiter },
      handler: (args) => {
        const rows = parseRows(args.csv, args.delimiter);
        const columns = Object.keys(rows[0] ?? {});
        return columns.map((name) => {
          const values = rows.map((row) => row[name]).filter((value) => value !== '');
          const numbers = values.map(Number);
          const numeric = values.length > 0 && numbers.every((value) => !Number.isNaN(value));
          const summary: Record<string, unknown> = {
            column: name,
            count: values.length,
            distinct: new Set(values).size,
          };
          if (numeric) {
            summary.min = Math.min(...numbers);
            summary.max = Math.max(...numbers);
            summary.mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
          }
          return summary;
        });
      },
    }),
  ];
}
