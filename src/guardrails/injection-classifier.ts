// The trained injection classifier at run time: a linear model over hashed n-gram features
// (injection-model.json, written by scripts/train-injection-classifier.ts), scored over windows of
// a text so a single injected sentence inside a long tool output is not diluted by the rest.
import { readFileSync } from 'node:fs';
import { type Channel, channelBias, FEATURE_BITS, tokenFeatures, tokenize } from './injection-features.js';

export interface InjectionModelFile {
  version: 1;
  feature_bits: number;
  /** Weights quantised to int16 (value = int16 * scale), little-endian, base64. */
  weights_base64: string;
  scale: number;
  /**
   * Decision thresholds on the probability per channel, chosen on the dev split by the training
   * script: `threshold` alone, and a lower `cue_threshold` that applies when a high-precision
   * phrase pattern also fires. Tool outputs get their own, since their benign texts differ.
   */
  thresholds: Record<Channel, { threshold: number; cue_threshold: number }>;
  /** Window lengths in tokens; each slides by a quarter of its length. */
  window_sizes: number[];
  trained: Record<string, unknown>;
}

export interface InjectionModel {
  weights: Float32Array;
  thresholds: Record<Channel, { threshold: number; cueThreshold: number }>;
  windowSizes: number[];
}

export function loadInjectionModel(file: InjectionModelFile): InjectionModel {
  if (file.version !== 1 || file.feature_bits !== FEATURE_BITS) {
    throw new Error('injection-model.json does not match this feature extractor; retrain it');
  }
  const bytes = Buffer.from(file.weights_base64, 'base64');
  const quantised = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const weights = new Float32Array(quantised.length);
  for (let index = 0; index < quantised.length; index += 1) weights[index] = quantised[index] * file.scale;
  return {
    weights,
    thresholds: {
      input: { threshold: file.thresholds.input.threshold, cueThreshold: file.thresholds.input.cue_threshold },
      tool_output: {
        threshold: file.thresholds.tool_output.threshold,
        cueThreshold: file.thresholds.tool_output.cue_threshold,
      },
    },
    windowSizes: file.window_sizes,
  };
}

/** The model shipped with the package (next to this module in src/ and in dist/). */
export function loadDefaultInjectionModel(): InjectionModel {
  const url = new URL('./injection-model.json', import.meta.url);
  return loadInjectionModel(JSON.parse(readFileSync(url, 'utf8')) as InjectionModelFile);
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** Start and end token positions of every window of each size (the whole text when shorter). */
export function windowSpans(length: number, sizes: readonly number[]): [number, number][] {
  const spans: [number, number][] = [[0, length]];
  for (const size of sizes) {
    if (length <= size) continue;
    const stride = Math.max(1, Math.floor(size / 4));
    for (let start = 0; ; start += stride) {
      const end = Math.min(start + size, length);
      spans.push([start, end]);
      if (end === length) break;
    }
  }
  return spans;
}

/**
 * Probability that a normalised text is an injection: its most suspicious window. Windows of a few
 * sizes catch one injected sentence in a long page as well as an attack spread over a paragraph.
 */
export function injectionProbability(model: InjectionModel, normalized: string, channel: Channel): number {
  const features = tokenFeatures(tokenize(normalized), channel);
  const { weights } = model;
  // Per-token sums and counts, then prefix sums, so every window costs O(1).
  const sums = new Float64Array(features.length + 1);
  const counts = new Float64Array(features.length + 1);
  for (let position = 0; position < features.length; position += 1) {
    let sum = 0;
    for (const index of features[position]) sum += weights[index];
    sums[position + 1] = sums[position] + sum;
    counts[position + 1] = counts[position] + features[position].length;
  }
  const bias = weights[channelBias(channel)];
  let best = Number.NEGATIVE_INFINITY;
  for (const [start, end] of windowSpans(features.length, model.windowSizes)) {
    const count = counts[end] - counts[start];
    const margin = bias + (count === 0 ? 0 : (sums[end] - sums[start]) / Math.sqrt(count));
    if (margin > best) best = margin;
  }
  return sigmoid(best);
}
