// calculator: evaluates an arithmetic expression with the restricted mathjs parser.
import { defineTool } from '../define-tool.js';
import { nonEmptyText } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';
import type { SafeMath } from './safe-math.js';

export function createCalculatorTool(safeMath: SafeMath): ToolSpec<{ expression: string }> {
  return defineTool({
    name: 'calculator',
    description:
      'Evaluate an arithmetic math expression (+ - * / ^ %, parentheses, sqrt, log, sin, units) and return the result.',
    category: 'math',
    tags: [
      'math',
      'arithmetic',
      'calculate',
      'compute',
      'evaluate',
      'sum',
      'multiply',
      'divide',
      'expression',
      'number',
    ],
    parameters: {
      expression: nonEmptyText('The expression to evaluate, e.g. "17 * 23" or "sqrt(2) / 4".', 1_000),
    },
    handler: ({ expression }) => {
      let value: unknown;
      try {
        value = safeMath.evaluate(expression);
      } catch (error) {
        throw new ToolInputError(`cannot evaluate '${expression}': ${(error as Error).message}`);
      }
      if (typeof value === 'function' || value === undefined) {
        throw new ToolInputError(`'${expression}' does not evaluate to a value`);
      }
      return safeMath.format(value);
    },
  });
}
