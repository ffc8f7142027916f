// Statistics tools over lists of numbers, computed with mathjs.
import type { SafeMath } from '../builtin/safe-math.js';
import { defineTool } from '../define-tool.js';
import { choice, integer, number, numberList, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const values = numberList('The numbers (a data set / sample).');
const round = (value: number): number => Math.round(value * 1e10) / 1e10;

export function createStatisticsTools(safeMath: SafeMath): ToolSpec[] {
  const { math } = safeMath;
  const category = 'statistics';
  const simple = (name: string, description: string, tags: string[], compute: (numbers: number[]) => unknown) =>
    defineTool<{ values: number[] }>({
      name,
      description,
      category,
      tags: ['statistics', ...tags],
      parameters: { values },
      handler: (args) => compute(args.values),
    });
  const pairs = {
    x: numberList('The first variable (x values).', 10_000, 2),
    y: numberList('The second variable (y values), same length as x.', 10_000, 2),
  };
  const checkPairs = (x: number[], y: number[]): void => {
    if (x.length !== y.length)
      throw new ToolInputError(`x and y must have the same length (got ${x.length} and ${y.length})`);
  };
  return [
    simple(
      'mean_average',
      'Compute the arithmetic mean (average) of a list of numbers.',
      ['mean', 'average', 'avg'],
      (n) => round(math.mean(n)),
    ),
    simple('median', 'Compute the median (middle value) of a list of numbers.', ['median', 'middle', 'midpoint'], (n) =>
      math.median(n),
    ),
    simple(
      'mode',
      'Find the most frequent value(s) (mode) in a list of numbers.',
      ['mode', 'most common', 'most frequent'],
      (n) => math.mode(n),
    ),
    simple('sum_numbers', 'Add up (sum, total) a list of numbers.', ['sum', 'total', 'add up', 'addition'], (n) =>
      round(math.sum(n)),
    ),
    simple(
      'min_max',
      'Find the minimum, maximum and range of a list of numbers.',
      ['minimum', 'maximum', 'range', 'smallest', 'largest', 'extremes'],
      (n) => ({
        min: math.min(n),
        max: math.max(n),
        range: round(math.max(n) - math.min(n)),
      }),
    ),
    defineTool<{ values: number[]; kind: 'sample' | 'population' }>({
      name: 'standard_deviation',
      description: 'Compute the standard deviation and variance (spread) of a list of numbers.',
      category,
      tags: ['statistics', 'standard deviation', 'stdev', 'variance', 'spread', 'dispersion'],
      parameters: {
        values,
        kind: withDefault(choice('Sample (n−1) or population (n) formula.', ['sample', 'population']), 'sample'),
      },
      handler: (args) => {
        const normalization = args.kind === 'sample' ? 'unbiased' : 'uncorrected';
        if (args.kind === 'sample' && args.values.length < 2)
          throw new ToolInputError('values needs at least 2 numbers for a sample');
        return {
          standard_deviation: round(math.std(args.values, normalization) as unknown as number),
          variance: round(math.variance(args.values, normalization) as unknown as number),
        };
      },
    }),
    defineTool<{ values: number[]; percentile: number }>({
      name: 'percentile',
      description: 'Compute a percentile or quantile (e.g. p95, quartiles) of a list of numbers.',
      category,
      tags: ['statistics', 'percentile', 'quantile', 'p95', 'p99', 'quartile'],
      parameters: { values, percentile: number('The percentile, 0–100 (95 for p95).', { minimum: 0, maximum: 100 }) },
      handler: (args) => round(math.quantileSeq(args.values, args.percentile / 100) as unknown as number),
    }),
    simple(
      'z_scores',
      'Standardize numbers into z-scores (how many standard deviations from the mean).',
      ['z-score', 'standardize', 'normalize', 'outlier'],
      (n) => {
        if (n.length < 2) throw new ToolInputError('values needs at least 2 numbers');
        const mean = math.mean(n);
        const std = math.std(n) as unknown as number;
        if (std === 0) throw new ToolInputError('values are all equal; z-scores are undefined');
        return n.map((value) => round((value - mean) / std));
      },
    ),
    defineTool<{ x: number[]; y: number[] }>({
      name: 'correlation',
      description: 'Compute the Pearson correlation coefficient between two lists of numbers.',
      category,
      tags: ['statistics', 'correlation', 'pearson', 'relationship', 'r'],
      parameters: pairs,
      handler: (args) => {
        checkPairs(args.x, args.y);
        return round(math.corr(args.x, args.y) as number);
      },
    }),
    defineTool<{ x: number[]; y: number[] }>({
      name: 'linear_regression',
      description: 'Fit a straight line y = slope·x + intercept by least squares, with R².',
      category,
      tags: ['statistics', 'regression', 'linear', 'trend line', 'least squares', 'fit', 'slope'],
      parameters: pairs,
      handler: ({ x, y }) => {
        checkPairs(x, y);
        const meanX = math.mean(x);
        const meanY = math.mean(y);
        let sxy = 0;
        let sxx = 0;
        let syy = 0;
        for (let i = 0; i < x.length; i++) {
          sxy += (x[i] - meanX) * (y[i] - meanY);
          sxx += (x[i] - meanX) ** 2;
          syy += (y[i] - meanY) ** 2;
        }
        if (sxx === 0) throw new ToolInputError('x values are all equal; the slope is undefined');
        const slope = sxy / sxx;
        return {
          slope: round(slope),
          intercept: round(meanY - slope * meanX),
          r_squared: syy === 0 ? 1 : round((sxy * sxy) / (sxx * syy)),
        };
      },
    }),
    defineTool<{ values: number[]; bins: number }>({
      name: 'histogram',
      description: 'Bucket a list of numbers into equal-width bins and count each bin (frequency distribution).',
      category,
      tags: ['statistics', 'histogram', 'bins', 'buckets', 'distribution', 'frequency'],
      parameters: { values, bins: withDefault(integer('Number of bins.', 1, 100), 10) },
      handler: ({ values: numbers, bins }) => {
        const min = math.min(numbers);
        const max = math.max(numbers);
        const width = max === min ? 1 : (max - min) / bins;
        const counts = new Array(bins).fill(0);
        for (const value of numbers) counts[Math.min(bins - 1, Math.floor((value - min) / width))]++;
        return counts.map((count, i) => ({ from: round(min + i * width), to: round(min + (i + 1) * width), count }));
      },
    }),
  ];
}
