// Math tools beyond the calculator: rounding, percentages, number theory, bases, equations and
// matrices, computed with mathjs's API (not its expression parser).

import type { SafeMath } from '../builtin/safe-math.js';
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, number, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const bigInteger = (description: string) => integer(description, 1, 1e12);

export function createMathTools(safeMath: SafeMath): ToolSpec[] {
  const { math } = safeMath;
  const category = 'math';
  return [
    defineTool<{ value: number; decimals: number }>({
      name: 'round_number',
      description: 'Round a number to a given number of decimal places.',
      category,
      tags: ['round', 'decimals', 'precision', 'digits', 'number'],
      parameters: {
        value: number('The number to round.'),
        decimals: withDefault(integer('Decimal places to keep.', 0, 15), 0),
      },
      handler: (args) => math.round(args.value, args.decimals),
    }),
    defineTool<{ percent: number; of: number }>({
      name: 'percentage_of',
      description: 'Compute a percentage of a value, e.g. 15% of 80.',
      category,
      tags: ['percent', 'percentage', 'of', 'portion', 'share'],
      parameters: { percent: number('The percentage, e.g. 15 for 15%.'), of: number('The whole value.') },
      handler: (args) => math.round((args.percent / 100) * args.of, 10),
    }),
    defineTool<{ from: number; to: number }>({
      name: 'percent_change',
      description: 'Compute the percentage increase or decrease from an old value to a new value.',
      category,
      tags: ['percent change', 'increase', 'decrease', 'growth', 'difference', 'delta'],
      parameters: { from: number('The old (starting) value.'), to: number('The new value.') },
      handler: (args) => {
        if (args.from === 0) throw new ToolInputError('from must not be 0 (the change is undefined)');
        return math.round(((args.to - args.from) / Math.abs(args.from)) * 100, 6);
      },
    }),
    defineTool<{ a: number; b: number }>({
      name: 'gcd',
      description: 'Greatest common divisor (highest common factor) of two integers.',
      category,
      tags: ['gcd', 'greatest common divisor', 'hcf', 'factor'],
      parameters: { a: bigInteger('The first integer.'), b: bigInteger('The second integer.') },
      handler: (args) => math.gcd(args.a, args.b),
    }),
    defineTool<{ a: number; b: number }>({
      name: 'lcm',
      description: 'Least common multiple of two integers.',
      category,
      tags: ['lcm', 'least common multiple', 'multiple'],
      parameters: { a: bigInteger('The first integer.'), b: bigInteger('The second integer.') },
      handler: (args) => math.lcm(args.a, args.b),
    }),
    defineTool<{ n: number }>({
      name: 'is_prime',
      description: 'Check whether an integer is a prime number.',
      category,
      tags: ['prime', 'primality', 'number theory'],
      parameters: { n: integer('The integer to test.', 0, 1e12) },
      handler: (args) => math.isPrime(args.n),
    }),
    defineTool<{ n: number }>({
      name: 'prime_factors',
      description: 'Factorize an integer into its prime factors.',
      category,
      tags: ['prime', 'factors', 'factorize', 'factorization', 'decompose'],
      parameters: { n: integer('The integer to factorize (2 to 10^12).', 2, 1e12) },
      handler: (args) => {
        const factors: number[] = [];
        let rest = args.n;
        for (let divisor = 2; divisor * divisor <= rest; divisor++) {
          while (rest % divisor === 0) {
            factors.push(divisor);
            rest /= divisor;
          }
        }
        if (rest > 1) factors.push(rest);
        return factors;
      },
    }),
    defineTool<{ n: number }>({
      name: 'factorial',
      description: 'Compute n! (n factorial) exactly.',
      category,
      tags: ['factorial', 'n!', 'permutations', 'combinatorics'],
      parameters: { n: integer('A non-negative integer up to 170.', 0, 170) },
      handler: (args) => math.format(math.factorial(math.bignumber(args.n)), { notation: 'fixed' }),
    }),
    defineTool<{ n: number; k: number }>({
      name: 'combinations',
      description:
        'Number of ways to choose k items from n (n choose k, binomial coefficient) and ordered permutations.',
      category,
      tags: ['combinations', 'choose', 'binomial', 'permutations', 'combinatorics', 'ncr'],
      parameters: { n: integer('Number of items.', 0, 1_000), k: integer('How many to choose.', 0, 1_000) },
      handler: (args) => {
        if (args.k > args.n) throw new ToolInputError('k must not exceed n');
        return {
          combinations: math.format(math.combinations(math.bignumber(args.n), math.bignumber(args.k)), {
            notation: 'fixed',
          }),
          permutations: math.format(math.permutations(math.bignumber(args.n), math.bignumber(args.k)), {
            notation: 'fixed',
          }),
        };
      },
    }),
    defineTool<{ count: number }>({
      name: 'fibonacci',
      description: 'List the first n Fibonacci numbers.',
      category,
      tags: ['fibonacci', 'sequence', 'series'],
      parameters: { count: integer('How many numbers (1–300).', 1, 300) },
      handler: (args) => {
        const sequence: string[] = [];
        let [a, b] = [0n, 1n];
        for (let i = 0; i < args.count; i++) {
          sequence.push(a.toString());
          [a, b] = [b, a + b];
        }
        return sequence;
      },
    }),
    defineTool<{ value: string; from_base: number; to_base: number }>({
      name: 'base_convert',
      description: 'Convert an integer between number bases (binary 2, octal 8, decimal 10, hexadecimal 16, up to 36).',
      category,
      tags: ['base', 'radix', 'binary', 'hexadecimal', 'octal', 'decimal', 'convert'],
      parameters: {
        value: nonEmptyText('The integer written in from_base.', 200),
        from_base: withDefault(integer('The base the value is written in.', 2, 36), 10),
        to_base: integer('The base to convert to.', 2, 36),
      },
      handler: (args) => {
        const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, args.from_base);
        const clean = args.value
          .trim()
          .toLowerCase()
          .replace(/^(0x|0b|0o)/, '');
        const negative = clean.startsWith('-');
        const body = negative ? clean.slice(1) : clean;
        if (!body || [...body].some((digit) => !digits.includes(digit))) {
          throw new ToolInputError(`value '${args.value}' is not a base-${args.from_base} integer`);
        }
        let result = 0n;
        for (const digit of body) result = result * BigInt(args.from_base) + BigInt(digits.indexOf(digit));
        return (negative ? '-' : '') + result.toString(args.to_base);
      },
    }),
    defineTool<{ a: number; b: number; c: number }>({
      name: 'solve_quadratic',
      description: 'Solve the quadratic equation a·x² + b·x + c = 0, including complex roots.',
      category,
      tags: ['quadratic', 'equation', 'roots', 'solve', 'polynomial', 'algebra'],
      parameters: { a: number('Coefficient of x².'), b: number('Coefficient of x.'), c: number('Constant term.') },
      handler: (args) => {
        if (args.a === 0) throw new ToolInputError('a must not be 0 (that is a linear equation)');
        const roots = math.polynomialRoot(args.c, args.b, args.a) as unknown[];
        return roots.map((root) => math.format(root as any, { precision: 12 }));
      },
    }),
    defineTool<{ matrix: number[][] }>({
      name: 'matrix_determinant',
      description: 'Compute the determinant and, when it exists, the inverse of a square matrix.',
      category,
      tags: ['matrix', 'determinant', 'inverse', 'linear algebra'],
      parameters: {
        matrix: {
          type: 'array',
          description: 'The square matrix as rows of numbers, e.g. [[1,2],[3,4]].',
          minItems: 1,
          maxItems: 20,
          items: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'number' } },
        },
      },
      handler: (args) => {
        if (args.matrix.some((row) => row.length !== args.matrix.length))
          throw new ToolInputError('matrix must be square');
        const determinant = math.det(args.matrix);
        const inverse = Math.abs(determinant) > 1e-12 ? (math.inv(args.matrix) as number[][]) : null;
        return { determinant: math.round(determinant, 10), inverse };
      },
    }),
  ];
}
