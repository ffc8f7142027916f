// Attaches the built-in tools' example requests (src/tools/retrieval/tool-examples.json, drawn from
// the train split by scripts/build-tool-examples.ts) so the 200-odd library files stay unchanged.
import fs from 'node:fs';
import type { ToolSpec } from '../tool-spec.js';

type ExampleTable = Readonly<Record<string, readonly string[]>>;

// Read once, on first use; never written afterwards.
let table: ExampleTable | undefined;

function exampleTable(): ExampleTable {
  table ??= JSON.parse(fs.readFileSync(new URL('./tool-examples.json', import.meta.url), 'utf8')) as ExampleTable;
  return table;
}

/** The tools with their example requests: a tool's own examples win over the table's. */
export function withBuiltinExamples(tools: readonly ToolSpec[]): ToolSpec[] {
  const examples = exampleTable();
  return tools.map((tool) =>
    tool.examples || !examples[tool.name] ? tool : { ...tool, examples: [...examples[tool.name]] },
  );
}
