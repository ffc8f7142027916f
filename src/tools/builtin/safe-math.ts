// A restricted mathjs evaluator for untrusted expressions. mathjs's security guidance is to make
// import, createUnit, evaluate, parse, simplify, derivative (and friends) unusable inside
// expressions; overriding them with math.import costs >1 s of start-up, so instead every parsed
// expression is checked before it runs: those functions, allocation-heavy ones and assignments are
// refused. Never eval/Function.
import type { MathJsInstance, MathNode } from 'mathjs';
import { mathjs } from './mathjs-bundle.js';

const { all, create } = mathjs;

export interface SafeMath {
  /** The mathjs API for tools to call directly (not through the expression parser). */
  math: MathJsInstance;
  /** Evaluates one expression with the restricted parser; throws for refused constructs. */
  evaluate(expression: string): unknown;
  /** A result as short, deterministic text ("391", "2.5 cm", "[1, 2]"). */
  format(value: unknown): string;
}

const DISABLED_IN_EXPRESSIONS = new Set([
  'import',
  'createUnit',
  'reviver',
  'replacer',
  'evaluate',
  'parse',
  'compile',
  'parser',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'rationalize',
  'leafCount',
  'symbolicEqual',
  'config',
  'typed',
  'chain',
  'range',
  'zeros',
  'ones',
  'identity',
  'random',
  'randomInt',
  'pickRandom',
]);

// RangeNode ("1:1e9") would allocate the whole range; the others define or chain statements.
const REFUSED_NODES = new Set(['AssignmentNode', 'FunctionAssignmentNode', 'BlockNode', 'RangeNode']);

export function createSafeMath(): SafeMath {
  const math = create(all, { number: 'number', precision: 64 });
  const check = (node: MathNode): void => {
    node.traverse((inner) => {
      if (REFUSED_NODES.has(inner.type))
        throw new Error(`${inner.type.replace('Node', '').toLowerCase()} expressions are disabled`);
      if (inner.type === 'SymbolNode' && DISABLED_IN_EXPRESSIONS.has((inner as unknown as { name: string }).name)) {
        throw new Error(`function ${(inner as unknown as { name: string }).name} is disabled`);
      }
    });
  };
  const format = (value: unknown): string =>
    typeof value === 'string' ? value : math.format(value as any, { precision: 14 });
  return {
    math,
    evaluate(expression) {
      const node = math.parse(expression);
      check(node);
      return node.compile().evaluate({});
    },
    format,
  };
}
