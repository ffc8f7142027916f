// A seeded random source for corpus construction (seedrandom), so the generated corpus is the same
// byte for byte on every machine.
import seedrandom from 'seedrandom';

export interface Random {
  next(): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  int(min: number, max: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: string): Random {
  const source = seedrandom(seed);
  const next = () => source();
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    shuffle(items) {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy;
    },
  };
}
