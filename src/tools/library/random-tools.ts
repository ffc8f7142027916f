// Seeded random tools (seedrandom): the same seed always gives the same answer, so runs and tests
// are reproducible.
import seedrandom from 'seedrandom';
import { defineTool } from '../define-tool.js';
import { boolean, integer, nonEmptyText, textList, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const seed = withDefault(nonEmptyText('Seed for the generator; the same seed gives the same result.', 100), 'riptide');
const LOREM =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat'.split(
    ' ',
  );

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function createRandomTools(): ToolSpec[] {
  const category = 'random';
  return [
    defineTool<{ min: number; max: number; count: number; seed: string }>({
      name: 'random_integer',
      description: 'Generate seeded random integers between a minimum and a maximum (inclusive).',
      category,
      tags: ['random', 'integer', 'number', 'rng', 'pick a number', 'seed'],
      parameters: {
        min: integer('The smallest possible value.', -1e12, 1e12),
        max: integer('The largest possible value.', -1e12, 1e12),
        count: withDefault(integer('How many numbers.', 1, 1_000), 1),
        seed,
      },
      handler: (args) => {
        if (args.max < args.min) throw new ToolInputError('max must be ≥ min');
        const random = seedrandom(args.seed);
        return Array.from({ length: args.count }, () => args.min + Math.floor(random() * (args.max - args.min + 1)));
      },
    }),
    defineTool<{ items: string[]; count: number; seed: string }>({
      name: 'random_choice',
      description: 'Pick one or more random items from a list without repeats (seeded sample, draw a winner).',
      category,
      tags: ['random', 'choice', 'pick', 'sample', 'draw', 'winner', 'raffle'],
      parameters: {
        items: textList('The items to pick from.'),
        count: withDefault(integer('How many to pick.', 1, 1_000), 1),
        seed,
      },
      handler: (args) => {
        if (args.items.length === 0) throw new ToolInputError('items must not be empty');
        return shuffle(args.items, seedrandom(args.seed)).slice(0, args.count);
      },
    }),
    defineTool<{ items: string[]; seed: string }>({
      name: 'shuffle_list',
      description: 'Shuffle a list into a seeded random order (Fisher–Yates).',
      category,
      tags: ['shuffle', 'random', 'order', 'permute', 'randomize'],
      parameters: { items: textList('The items to shuffle.'), seed },
      handler: (args) => shuffle(args.items, seedrandom(args.seed)),
    }),
    defineTool<{ length: number; symbols: boolean; seed: string }>({
      name: 'generate_password',
      description: 'Generate a seeded random password of a given length with letters, digits and optional symbols.',
      category,
      tags: ['password', 'random', 'generate', 'secret', 'passphrase', 'credentials'],
      parameters: {
        length: withDefault(integer('Password length.', 4, 256), 16),
        symbols: withDefault(boolean('Include symbols.'), true),
        seed,
      },
      handler: (args) => {
        const alphabet = `ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789${args.symbols ? '!@#$%^&*-_=+' : ''}`;
        const random = seedrandom(args.seed);
        return Array.from({ length: args.length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      },
    }),
    defineTool<{ dice: number; sides: number; seed: string }>({
      name: 'roll_dice',
      description: 'Roll dice (e.g. 2d6) with a seed and return each roll and the total.',
      category,
      tags: ['dice', 'roll', 'd6', 'd20', 'random', 'game'],
      parameters: {
        dice: withDefault(integer('Number of dice.', 1, 100), 1),
        sides: withDefault(integer('Sides per die.', 2, 1_000), 6),
        seed,
      },
      handler: (args) => {
        const random = seedrandom(args.seed);
        const rolls = Array.from({ length: args.dice }, () => 1 + Math.floor(random() * args.sides));
        return { rolls, total: rolls.reduce((sum, roll) => sum + roll, 0) };
      },
    }),
    defineTool<{ words: number; seed: string }>({
      name: 'lorem_ipsum',
      description: 'Generate placeholder lorem ipsum filler text of a given number of words.',
      category,
      tags: ['lorem ipsum', 'placeholder', 'filler', 'dummy text', 'mock'],
      parameters: { words: withDefault(integer('Number of words.', 1, 5_000), 50), seed },
      handler: (args) => {
        const random = seedrandom(args.seed);
        const words = Array.from({ length: args.words }, (_, i) =>
          i < 2 ? LOREM[i] : LOREM[Math.floor(random() * LOREM.length)],
        );
        const sentence = words.join(' ');
        return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
      },
    }),
    defineTool<{ count: number; seed: string }>({
      name: 'random_uuid',
      description: 'Generate seeded random UUIDs (version 4 format).',
      category,
      tags: ['uuid', 'guid', 'random', 'identifier', 'v4', 'generate id'],
      parameters: { count: withDefault(integer('How many UUIDs.', 1, 100), 1), seed },
      handler: (args) => {
        const random = seedrandom(args.seed);
        return Array.from({ length: args.count }, () => {
          const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
          bytes[6] = (bytes[6] & 0x0f) | 0x40;
          bytes[8] = (bytes[8] & 0x3f) | 0x80;
          const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
          return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        });
      },
    }),
  ];
}
