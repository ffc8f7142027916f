// Builds data/retrieval/{train,dev,test}.jsonl once, before any tuning: hand-written requests from an
// authoring folder, requests of CLINC150 (CC BY 3.0) for the intents the catalog covers, and the
// original 208 labels (train only, read back from train.jsonl). Usage:
//   npx tsx scripts/build-retrieval-corpus.ts <authoring-dir> <clinc data_full.json>
//   npx tsx scripts/build-retrieval-corpus.ts --check   (verifies the committed split files)
import fs from 'node:fs';
import path from 'node:path';
import { createBuiltinTools } from '../src/tools/builtin-tools.js';
import {
  CORPUS_DIR,
  type CorpusItem,
  type CorpusSplit,
  HELD_BACK_FILES,
  readCorpusSplit,
  splitForGroup,
} from '../src/tools/test-support/retrieval-corpus.js';

const LEGACY_SOURCE = 'riptide-labels-v0';
const REGISTERS = new Set(['command', 'question', 'terse', 'typo', 'situation', 'indirect', 'verbose']);
const catalog = new Map(
  createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' }).map(
    (tool) => [tool.name, tool],
  ),
);

function familyOf(tools: string[]): string {
  const tool = catalog.get(tools[0]);
  if (!tools.every((name) => catalog.has(name)) || !tool) throw new Error(`unknown tool in ${tools.join(',')}`);
  return tool.category;
}

/** Hand-written items: `tools | [lang:]register | text`; a line starting with `~` paraphrases the one before. */
function readAuthoring(dir: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    let group = '';
    lines.forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const paraphrase = line.startsWith('~');
      const [toolField, registerField, ...rest] = (paraphrase ? line.slice(1) : line).split('|');
      const tools = toolField.split(',').map((name) => name.trim());
      const [lang, register] = registerField.includes(':')
        ? registerField.trim().split(':')
        : ['en', registerField.trim()];
      if (!REGISTERS.has(register)) throw new Error(`${file}:${index + 1}: unknown register ${register}`);
      const id = `synthetic:${path.basename(file, '.txt')}:${index + 1}`;
      if (!paraphrase) group = id;
      items.push({
        id,
        text: rest.join('|').trim(),
        tools,
        family: familyOf(tools),
        intent: tools[0],
        register,
        lang,
        group,
        source: 'riptide-synthetic',
      });
    });
  }
  return items;
}

// CLINC150 intents the catalog answers, with the tools that answer them. Requests whose wording
// also fits a narrower tool list it too (e.g. "30% off" → discount_price).
const CLINC_INTENTS: Record<string, (text: string) => string[]> = {
  calculator: (text) => [
    'calculator',
    ...(/factorial/.test(text) ? ['factorial'] : []),
    ...(/% off|percent off/.test(text) ? ['discount_price'] : []),
    ...(/(%|percent) of\b/.test(text) ? ['percentage_of'] : []),
  ],
  date: (text) => [
    'current_datetime',
    ...(/tomorrow|yesterday|next|from now|ago|after|in \w+ days/.test(text) ? ['date_add'] : []),
  ],
  time: (text) => ['current_datetime', ...(/\bin\b/.test(text) ? ['timezone_convert'] : [])],
  measurement_conversion: (text) =>
    /celsius|celsisus|fahrenheit|kelvin|degrees/.test(text)
      ? ['temperature_convert', 'unit_convert']
      : ['unit_convert'],
  roll_dice: () => ['roll_dice'],
  flip_coin: () => ['random_choice', 'roll_dice'],
};
const CLINC_PER_INTENT = 28;
// Crowd-sourced paraphrases of one seed differ by a number or a word; items this close share a group.
const NEAR_DUPLICATE = 0.5;

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\d+/g, ' ')
      .split(/[^a-z]+/)
      .filter((word) => word.length > 2),
  );
}

function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}

function readClinc(file: string): CorpusItem[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Array<[string, string]>>;
  const items: CorpusItem[] = [];
  for (const [intent, label] of Object.entries(CLINC_INTENTS)) {
    const requests = ['train', 'val', 'test'].flatMap((part) =>
      data[part].filter(([, name]) => name === intent).map(([text]) => text),
    );
    // Every k-th request, so the sample spreads over the crowd workers' scenarios rather than one seed.
    const step = Math.floor(requests.length / CLINC_PER_INTENT);
    const chosen = Array.from({ length: CLINC_PER_INTENT }, (_, index) => requests[index * step]);
    // Leader clustering (not transitive chaining, which would fold a whole intent into one group):
    // a request joins the group of the first earlier leader it nearly duplicates.
    const words = chosen.map(contentWords);
    const leaders: number[] = [];
    const groupOf = chosen.map((_, index) => {
      const leader = leaders.find((candidate) => jaccard(words[candidate], words[index]) >= NEAR_DUPLICATE);
      if (leader !== undefined) return leader;
      leaders.push(index);
      return index;
    });
    chosen.forEach((text, index) => {
      const tools = label(text);
      items.push({
        id: `clinc150:${intent}:${index * step}`,
        text,
        tools,
        family: familyOf(tools),
        intent: tools[0],
        register:
          text.trim().endsWith('?') || /^(what|how|when|which|who|is|can|could|will|do)\b/.test(text)
            ? 'question'
            : 'command',
        lang: 'en',
        group: `clinc150:${intent}:${groupOf[index] * step}`,
        source: 'clinc150',
      });
    });
  }
  return items;
}

/** The original 208 labels (once src/tools/retrieval/retrieval-labels.json), carried over from train. */
function readLegacy(): CorpusItem[] {
  return readCorpusSplit('train').filter((item) => item.source === LEGACY_SOURCE);
}

/** The split an item belongs to: the original labels are train by policy, everything else by its group's hash. */
function splitOf(item: CorpusItem): CorpusSplit {
  return item.source === LEGACY_SOURCE ? 'train' : splitForGroup(item.group);
}

const normalised = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The hand-written held-back sets' texts: a corpus item repeating one would leak it into training. */
function heldBackTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of HELD_BACK_FILES)
    for (const item of readCorpusSplit(file)) texts.set(normalised(item.text), item.id);
  return texts;
}

function refuseHeldBack(item: CorpusItem, heldBack: Map<string, string>): void {
  const repeated = heldBack.get(normalised(item.text));
  if (repeated) throw new Error(`${item.id} repeats held-back request ${repeated}: "${item.text}"`);
}

function check(): void {
  const heldBack = heldBackTexts();
  const seen = new Map<string, CorpusSplit>();
  const texts = new Set<string>();
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const item of readCorpusSplit(split)) {
      if (splitOf(item) !== split) throw new Error(`${item.id} is in ${split} but belongs to ${splitOf(item)}`);
      const other = seen.get(item.group);
      if (other && other !== split) throw new Error(`group ${item.group} spans ${other} and ${split}`);
      seen.set(item.group, split);
      const key = item.text.toLowerCase().trim();
      if (texts.has(key)) throw new Error(`duplicate request: ${item.text}`);
      texts.add(key);
      refuseHeldBack(item, heldBack);
      familyOf(item.tools);
    }
  }
  console.log(`ok: ${texts.size} requests in ${seen.size} groups`);
}

function build(authoringDir: string, clincFile: string): void {
  const items = [...readLegacy(), ...readAuthoring(authoringDir), ...readClinc(clincFile)];
  const heldBack = heldBackTexts();
  for (const item of items) refuseHeldBack(item, heldBack);
  const splits: Record<CorpusSplit, CorpusItem[]> = { train: [], dev: [], test: [] };
  const texts = new Set<string>();
  for (const item of items) {
    const key = item.text.toLowerCase().trim();
    if (texts.has(key)) continue;
    texts.add(key);
    splits[splitOf(item)].push(item);
  }
  for (const [split, list] of Object.entries(splits)) {
    fs.writeFileSync(new URL(`${split}.jsonl`, CORPUS_DIR), `${list.map((item) => JSON.stringify(item)).join('\n')}\n`);
    console.log(`${split}: ${list.length}`);
  }
}

if (process.argv[2] === '--check') check();
else if (process.argv.length === 4) build(process.argv[2], process.argv[3]);
else {
  console.error('usage: build-retrieval-corpus.ts <authoring-dir> <clinc data_full.json> | --check');
  process.exit(2);
}
