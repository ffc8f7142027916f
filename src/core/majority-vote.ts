// Self-consistency: the most common answer among k samples (compared after normalising case,
// whitespace and trailing punctuation); ties go to the earliest sample.
export function majorityVote(samples: readonly string[]): { answer: string; votes: number } {
  const counts = new Map<string, { first: string; votes: number }>();
  for (const sample of samples) {
    const key = normalize(sample);
    const entry = counts.get(key);
    if (entry) entry.votes += 1;
    else counts.set(key, { first: sample.trim(), votes: 1 });
  }
  let best = { first: '', votes: 0 };
  for (const entry of counts.values()) if (entry.votes > best.votes) best = entry;
  return { answer: best.first, votes: best.votes };
}

function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
}
