// Latency percentiles from a histogram of log-spaced buckets (the DDSketch mapping): any latency
// falls in bucket ⌈ln(x) / ln(γ)⌉, and the bucket's representative value is within 1 % of every
// latency in it. Counting runs per bucket lets p95 be read off a few hundred rows instead of an
// index walk that grows with history.

/** Relative accuracy of a reported percentile. */
export const LATENCY_RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + LATENCY_RELATIVE_ACCURACY) / (1 - LATENCY_RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Latencies at or below this (ms) are counted as zero: they are below any clock's resolution. */
export const ZERO_LATENCY_MS = 0.001;
/** The bucket of zero latencies, below every real bucket (⌈ln(0.001) / ln(γ)⌉ ≈ −346). */
export const ZERO_BUCKET = -1000;

export function latencyBucket(latencyMs: number): number {
  if (!(latencyMs > ZERO_LATENCY_MS)) return ZERO_BUCKET;
  return Math.ceil(Math.log(latencyMs) / LOG_GAMMA);
}

/** SQL computing the same bucket from a latency column (both dialects have ln and ceil). */
export function latencyBucketSql(column: string): string {
  return `CASE WHEN ${column} > ${ZERO_LATENCY_MS} THEN CAST(ceil(ln(${column}) / ${LOG_GAMMA}) AS integer) ELSE ${ZERO_BUCKET} END`;
}

/** The value reported for a bucket: within the relative accuracy of every latency in it. */
export function bucketLatency(bucket: number): number {
  if (bucket === ZERO_BUCKET) return 0;
  return (2 * GAMMA ** bucket) / (GAMMA + 1);
}

/**
 * Nearest-rank percentile (the value at index ⌊q·(n−1)⌋ of the sorted latencies), from bucket counts
 * sorted by bucket.
 */
export function histogramPercentile(buckets: { bucket: number; runs: number }[], quantile: number): number {
  const total = buckets.reduce((sum, entry) => sum + entry.runs, 0);
  if (total === 0) return 0;
  const rank = Math.floor(quantile * (total - 1));
  let seen = 0;
  for (const entry of buckets) {
    seen += entry.runs;
    if (seen > rank) return bucketLatency(entry.bucket);
  }
  return bucketLatency(buckets[buckets.length - 1].bucket);
}
