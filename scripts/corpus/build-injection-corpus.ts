// Builds data/injection/{train,dev,test}.jsonl from the hand-written phrasings, public sources
// (BIPIA, riptide's earlier labelled set) and seeded variation (register, carriers, hiding,
// obfuscation). Deterministic: the same files on every run. Usage: npx tsx scripts/corpus/build-injection-corpus.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ATTACK_CLOSERS,
  ATTACK_GOALS,
  ATTACK_OPENERS,
  DELIMITER_CORES,
  DEVELOPER_MODE_CORES,
  EXFILTRATION_CORES,
  INDIRECT_CORES,
  OVERRIDE_CORES,
  ROLEPLAY_CORES,
  SMUGGLING_CORES,
  SPLITTING_CORES,
} from './attack-phrases.js';
import {
  DELIMITER_TEXTS,
  DEVELOPER_MODE_QUESTIONS,
  INNOCENT_JAILBREAK,
  MODE_QUESTION_FRAMES,
  MODES,
  OBFUSCATION_LOOKALIKES,
  ORDINARY,
  QUOTED_INSTRUCTIONS,
  SECURITY_EDUCATION,
  TECHNICAL_OVERRIDE,
  USER_REDIRECTS,
} from './benign-phrases.js';
import { type InjectionItem, writeSplits } from './corpus-item.js';
import { splitOf } from './corpus-split.js';
import { refuseHeldBackRepeats } from './held-back.js';
import {
  MORE_DEVMODE,
  MORE_INDIRECT,
  MORE_MULTILINGUAL,
  MORE_ROLEPLAY,
  MORE_SPLITTING,
  MORE_TOOL_CONTENT,
  READER_DIRECTED_CONTENT,
} from './more-phrases.js';
import { MULTILINGUAL } from './multilingual-phrases.js';
import { type Obfuscation, obfuscate } from './obfuscations.js';
import {
  ROUND4_BENIGN,
  ROUND4_DELIMITERS,
  ROUND4_EXTRACTION,
  ROUND4_INDIRECT,
  ROUND4_MULTILINGUAL,
  ROUND4_OVERRIDES,
  ROUND4_SMUGGLED,
  ROUND4_SPLITTING,
  ROUND4_TOOL_CONTENT,
} from './round4-phrases.js';
import {
  ROUND6_AI_MENTIONS,
  ROUND6_INDIRECT,
  ROUND6_MULTILINGUAL_BENIGN,
  ROUND6_MULTILINGUAL_CONTENT,
  ROUND6_MULTILINGUAL_INDIRECT,
  ROUND6_QUOTED_INSTRUCTIONS,
  ROUND6_TOOL_CONTENT,
} from './round6-phrases.js';
import { seededRandom } from './seeded-random.js';
import { GRAMMARS } from './slot-grammar.js';
import { CARRIERS, HIDERS, TOOL_CONTENT } from './tool-carriers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'data', 'injection');
const random = seededRandom('injection-corpus');
const items: InjectionItem[] = [];
const seen = new Set<string>();

function add(item: Omit<InjectionItem, 'id'>): void {
  if (seen.has(item.text)) return;
  seen.add(item.text);
  items.push({ id: `inj-${String(items.length + 1).padStart(5, '0')}`, ...item });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Register variation around a fixed core: casing, punctuation, politeness, context. */
function register(text: string): string {
  const style = random.int(0, 5);
  if (style === 0) return text.toLowerCase().replace(/[.!]$/, '');
  if (style === 1) return capitalise(text);
  if (style === 2) return `${random.pick(['Hi!', 'Hey,', 'Quick question:', 'Hello there.', 'Um,'])} ${text}`;
  if (style === 3)
    return `${capitalise(text)} ${random.pick(['Thanks in advance.', "It's for a project.", 'Cheers', 'Please be quick.'])}`;
  if (style === 4) return text.toUpperCase();
  return capitalise(text);
}

/** An override or extraction attack sentence built around `core`. */
function attackSentence(core: string, withGoal: boolean): string {
  const opener = random.pick(ATTACK_OPENERS);
  const goal = withGoal
    ? `${random.pick([', and', '. Then', ' and then', '; now', '. Instead,'])} ${random.pick(ATTACK_GOALS)}`
    : '';
  const closer = random.pick(ATTACK_CLOSERS);
  const body = opener ? `${opener} ${core}` : capitalise(core);
  return `${body}${goal}${/[.?!]$/.test(core) && !goal ? '' : '.'} ${closer}`.trim();
}

const carrierNames = Object.keys(CARRIERS);
/**
 * Benign padding for an item of `group`: only content paragraphs of the same split, so no benign
 * text of the dev or test split is seen inside a training attack (and learnt as attack evidence).
 */
const fillerFor = (group: string) => {
  const split = splitOf(group);
  return TOOL_CONTENT.filter((_, index) => splitOf(`content-${index}`) === split);
};
/** The attack text each recent carrier output embeds, so attack() can record where the attack is. */
const recentPayloads: { text: string; payload: string }[] = [];
const embedded = (text: string, payload: string) => {
  recentPayloads.push({ text, payload });
  if (recentPayloads.length > 8) recentPayloads.shift();
  return text;
};
const payloadOf = (text: string) => recentPayloads.find((entry) => text.endsWith(entry.text))?.payload;
const wrap = (carrier: string, content: string, group: string) =>
  embedded(CARRIERS[carrier](content, random, fillerFor(group)), content);
const hide = (hider: string, content: string, group: string) =>
  embedded(HIDERS[hider](content, random, fillerFor(group)), content);
const hiderNames = Object.keys(HIDERS);

// --- attacks -------------------------------------------------------------------------------------
const attack = (
  family: string,
  group: string,
  text: string,
  channel: InjectionItem['channel'] = 'input',
  lang = 'en',
) => {
  const payload = payloadOf(text);
  add({ text, label: 1, family, channel, lang, group, source: 'riptide-synthetic', ...(payload ? { payload } : {}) });
};

OVERRIDE_CORES.forEach((core, index) => {
  const group = `override-${index}`;
  attack('paraphrased_override', group, attackSentence(core, true));
  attack('paraphrased_override', group, register(attackSentence(core, random.chance(0.5))));
  attack('paraphrased_override', group, `${random.pick(ORDINARY)} ${attackSentence(core, true)}`);
});
EXFILTRATION_CORES.forEach((core, index) => {
  const group = `exfil-${index}`;
  attack('system_prompt_extraction', group, capitalise(core));
  attack('system_prompt_extraction', group, register(attackSentence(core, false)));
});
DEVELOPER_MODE_CORES.forEach((core, index) => {
  const group = `devmode-${index}`;
  attack('developer_mode', group, `${core}.`);
  attack('developer_mode', group, `${register(core)}. ${capitalise(random.pick(ATTACK_GOALS))}.`);
});
ROLEPLAY_CORES.forEach((core, index) => {
  const group = `roleplay-${index}`;
  attack('roleplay_jailbreak', group, `${core}.`);
  attack('roleplay_jailbreak', group, `${register(core)}. First, ${random.pick(ATTACK_GOALS)}.`);
});
DELIMITER_CORES.forEach((core, index) => {
  const group = `delimiter-${index}`;
  attack('fake_delimiter', group, `${random.pick(ORDINARY)}\n${core}`);
  attack('fake_delimiter', group, `${core}\n${capitalise(random.pick(ATTACK_GOALS))}.`);
});
SPLITTING_CORES.forEach((core, index) => {
  const group = `split-${index}`;
  attack('payload_splitting', group, core);
  attack('payload_splitting', group, `${random.pick(ORDINARY)} Also: ${core}`);
});
SMUGGLING_CORES.forEach((core, index) => {
  attack('document_smuggling', `smuggle-${index}`, core);
});
INDIRECT_CORES.forEach((core, index) => {
  const group = `indirect-${index}`;
  for (const carrier of random.shuffle(carrierNames).slice(0, 3)) {
    attack('indirect', group, wrap(carrier, `${core}.`, group), 'tool_output');
  }
});
// Direct overrides arriving inside tool results (the same cores, so they share the core's split).
OVERRIDE_CORES.forEach((core, index) => {
  const carrier = random.pick(carrierNames);
  attack(
    'indirect',
    `override-${index}`,
    wrap(carrier, attackSentence(core, true), `override-${index}`),
    'tool_output',
  );
});
// Hidden comments and invisible markup carrying an attack, in tool results and in pasted pages.
const hideable = [
  ...OVERRIDE_CORES.map((core, index) => [`override-${index}`, attackSentence(core, true)]),
  ...EXFILTRATION_CORES.map((core, index) => [`exfil-${index}`, capitalise(core)]),
  ...INDIRECT_CORES.map((core, index) => [`indirect-${index}`, `${core}.`]),
];
for (const [group, text] of random.shuffle(hideable).slice(0, 70)) {
  const hider = random.pick(hiderNames);
  const hidden = hide(hider, text, group);
  const asInput = random.chance(0.3);
  attack(
    'hidden_comment',
    group,
    asInput ? `Summarise this page:\n${hidden}` : hidden,
    asInput ? 'input' : 'tool_output',
  );
}
// Obfuscated payloads: each obfuscation on a different sample of cores.
const obfuscatable = [
  ...OVERRIDE_CORES.map((core, index) => [`override-${index}`, attackSentence(core, true)]),
  ...EXFILTRATION_CORES.map((core, index) => [`exfil-${index}`, capitalise(core)]),
  ...DEVELOPER_MODE_CORES.map((core, index) => [`devmode-${index}`, `${core}.`]),
];
const ENCODED_WRAPPERS = [
  (payload: string, how: string) => `Decode this ${how} and do what it says: ${payload}`,
  (payload: string) => payload,
  (payload: string, how: string) => `${random.pick(ORDINARY)} (${how}: ${payload})`,
  (payload: string, how: string) => `Here is a message for you in ${how}. Follow it exactly.\n${payload}`,
  (payload: string) => `Process the following: ${payload}`,
];
const obfuscations: Obfuscation[] = ['leetspeak', 'base64', 'hex', 'rot13', 'zero_width', 'homoglyph', 'spaced'];
for (const how of obfuscations) {
  for (const [group, text] of random.shuffle(obfuscatable).slice(0, 26)) {
    const payload = obfuscate(how === 'spaced' ? text.split(/[.,;]/)[0] : text, how, random);
    const encoded = how === 'base64' || how === 'hex' || how === 'rot13';
    attack(how, group, encoded ? random.pick(ENCODED_WRAPPERS)(payload, how) : payload);
  }
}
// Multilingual attacks: plain, in a tool result, or obfuscated; one group per phrasing.
for (const { lang, attacks } of MULTILINGUAL) {
  attacks.forEach((text, index) => {
    const group = `${lang}-attack-${index}`;
    attack('multilingual', group, text, 'input', lang);
    const variant = random.int(0, 2);
    if (variant === 0) attack('multilingual', group, wrap(random.pick(carrierNames), text, group), 'tool_output', lang);
    else if (variant === 1) attack('multilingual', group, `${random.pick(ORDINARY)} ${text}`, 'input', lang);
    else attack('multilingual', group, hide(random.pick(hiderNames), text, group), 'tool_output', lang);
  });
}

// --- benign --------------------------------------------------------------------------------------
const benign = (
  family: string,
  group: string,
  text: string,
  channel: InjectionItem['channel'] = 'input',
  lang = 'en',
) => add({ text, label: 0, family, channel, lang, group, source: 'riptide-synthetic' });

MODES.forEach((mode, index) => {
  for (const frame of random.shuffle(MODE_QUESTION_FRAMES).slice(0, 3)) {
    benign('mode_question', `mode-${index}`, register(frame.replace('{mode}', mode)));
  }
});
const twice = (family: string, prefix: string, texts: readonly string[]) =>
  texts.forEach((text, index) => {
    benign(family, `${prefix}-${index}`, text);
    benign(family, `${prefix}-${index}`, register(text));
  });
twice('developer_mode_question', 'devq', DEVELOPER_MODE_QUESTIONS);
twice('delimiter_text', 'delim-benign', DELIMITER_TEXTS);
twice('security_education', 'security', SECURITY_EDUCATION);
twice('innocent_jailbreak', 'jailbreak-word', INNOCENT_JAILBREAK);
twice('quoted_instructions', 'quoted', QUOTED_INSTRUCTIONS);
twice('technical_override', 'technical', TECHNICAL_OVERRIDE);
twice('ordinary', 'ordinary', ORDINARY);
twice('user_redirect', 'redirect', USER_REDIRECTS);
twice('obfuscation_lookalike', 'obf-benign', OBFUSCATION_LOOKALIKES);
for (const { lang, benign: texts } of MULTILINGUAL) {
  texts.forEach((text, index) => {
    const group = `${lang}-benign-${index}`;
    benign('multilingual_benign', group, text, 'input', lang);
    if (random.chance(0.5))
      benign('multilingual_benign', group, wrap(random.pick(carrierNames), text, group), 'tool_output', lang);
  });
}
// Benign tool results: every content paragraph in several carriers, and benign hidden markup.
TOOL_CONTENT.forEach((content, index) => {
  for (const carrier of random.shuffle(carrierNames).slice(0, 4)) {
    benign('tool_output', `content-${index}`, wrap(carrier, content, `content-${index}`), 'tool_output');
  }
  const hider = random.pick(hiderNames);
  benign(
    'hidden_markup_benign',
    `content-${index}`,
    hide(
      hider,
      random.pick(['nav start', 'TODO: fix spacing', 'generated by Hugo', 'tracking pixel', content]),
      `content-${index}`,
    ),
    'tool_output',
  );
});

// Slot grammars: each action with harmful targets (attacks) and harmless ones (benign look-alikes).
GRAMMARS.forEach((grammar, grammarIndex) => {
  grammar.actions.forEach((action, actionIndex) => {
    const group = `grammar-${grammarIndex}-${actionIndex}`;
    const family = grammar.lang === 'en' ? 'grammar_attack' : 'multilingual';
    for (const target of random.shuffle(grammar.harmful).slice(0, 3)) {
      const follow = random.pick(grammar.follow);
      const sentence = `${action.replace('{x}', target)}${follow ? (/^[，,]/.test(follow) ? follow : ` ${follow}`) : ''}`;
      const channel = random.chance(0.25) ? 'tool_output' : 'input';
      const text =
        channel === 'tool_output' ? wrap(random.pick(carrierNames), capitalise(sentence), group) : register(sentence);
      attack(family, group, text, channel, grammar.lang);
    }
    for (const target of random.shuffle(grammar.harmless).slice(0, 3)) {
      const sentence = action.replace('{x}', target);
      const channel = random.chance(0.25) ? 'tool_output' : 'input';
      const text =
        channel === 'tool_output' ? wrap(random.pick(carrierNames), capitalise(sentence), group) : register(sentence);
      benign(grammar.lang === 'en' ? 'grammar_lookalike' : 'multilingual_benign', group, text, channel, grammar.lang);
    }
  });
});

// --- public and earlier sources ------------------------------------------------------------------
const readJsonl = <T>(file: string): T[] =>
  readFileSync(path.join(outDir, 'sources', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
const emails = readJsonl<{ id: string; text: string }>('bipia-emails.jsonl');
emails.forEach((email) => {
  add({
    text: email.text,
    label: 0,
    family: 'tool_output',
    channel: 'tool_output',
    lang: 'en',
    group: email.id,
    source: 'bipia',
  });
});
for (const bipiaAttack of readJsonl<{ id: string; category: string; text: string }>('bipia-text-attacks.jsonl')) {
  // A carrier email from the attack's own split (see fillerFor).
  const email = random.pick(emails.filter((candidate) => splitOf(candidate.id) === splitOf(bipiaAttack.id))).text;
  const cut = Math.max(0, email.lastIndexOf('. ', random.int(80, email.length)));
  const text = random.chance(0.5)
    ? `${email} ${bipiaAttack.text}`
    : `${email.slice(0, cut + 1)} ${bipiaAttack.text} ${email.slice(cut + 1)}`;
  add({
    text,
    label: 1,
    family: 'indirect',
    channel: 'tool_output',
    lang: 'en',
    group: bipiaAttack.id,
    source: 'bipia',
    payload: bipiaAttack.text,
  });
  // The same request typed by the user is an ordinary instruction: only its channel makes it an attack.
  add({
    text: bipiaAttack.text,
    label: 0,
    family: 'user_redirect',
    channel: 'input',
    lang: 'en',
    group: bipiaAttack.id,
    source: 'bipia',
  });
}
const legacy = JSON.parse(
  readFileSync(path.join(root, 'src', 'guardrails', 'injection-dataset.json'), 'utf8'),
) as Record<string, unknown>;
for (const [key, value] of Object.entries(legacy)) {
  if (!Array.isArray(value)) continue;
  const label = key.endsWith('benign') ? 0 : 1;
  value.forEach((text: string, index) => {
    add({
      text,
      label,
      family: label ? 'riptide_legacy_attack' : 'riptide_legacy_benign',
      channel: 'input',
      lang: 'en',
      group: `legacy-${key}-${index}`,
      source: 'riptide-v0',
    });
  });
}

// --- second round (its own seeded stream, so everything above is unchanged) ---------------------
{
  const more = seededRandom('injection-corpus-round-2');
  const pick = <T>(list: readonly T[]) => more.pick(list);
  const filler = (group: string) => fillerFor(group);
  const carry = (content: string, group: string) =>
    embedded(CARRIERS[pick(carrierNames)](content, more, filler(group)), content);
  const hideIn = (content: string, group: string) =>
    embedded(HIDERS[pick(hiderNames)](content, more, filler(group)), content);
  MORE_INDIRECT.forEach((core, index) => {
    const group = `indirect-2-${index}`;
    attack('indirect', group, carry(`${core}.`, group), 'tool_output');
    attack('indirect', group, carry(`${core}.`, group), 'tool_output');
    attack('hidden_comment', group, hideIn(`${core}.`, group), 'tool_output');
  });
  MORE_ROLEPLAY.forEach((core, index) => {
    attack('roleplay_jailbreak', `roleplay-2-${index}`, `${core}.`);
    attack('roleplay_jailbreak', `roleplay-2-${index}`, `${pick(ATTACK_OPENERS)} ${core}.`.trim());
  });
  MORE_DEVMODE.forEach((core, index) => {
    attack('developer_mode', `devmode-2-${index}`, `${core}.`);
    attack('developer_mode', `devmode-2-${index}`, `${core}. ${capitalise(pick(ATTACK_GOALS))}.`);
  });
  MORE_SPLITTING.forEach((core, index) => {
    attack('payload_splitting', `split-2-${index}`, `${core}.`);
  });
  for (const { lang, attacks, benign: texts } of MORE_MULTILINGUAL) {
    attacks.forEach((text, index) => {
      const group = `${lang}-attack-2-${index}`;
      attack('multilingual', group, text, 'input', lang);
      attack('multilingual', group, carry(text, group), 'tool_output', lang);
    });
    texts.forEach((text, index) => {
      const group = `${lang}-benign-2-${index}`;
      benign('multilingual_benign', group, text, 'input', lang);
      benign('multilingual_benign', group, carry(text, group), 'tool_output', lang);
    });
  }
  MORE_TOOL_CONTENT.forEach((content, index) => {
    const group = `content-2-${index}`;
    for (let copy = 0; copy < 3; copy += 1) benign('tool_output', group, carry(content, group), 'tool_output');
  });
}

// --- third round: benign tool text addressed to its reader (own seeded stream) -------------------
{
  const third = seededRandom('injection-corpus-round-3');
  READER_DIRECTED_CONTENT.forEach((content, index) => {
    const group = `content-3-${index}`;
    for (let copy = 0; copy < 3; copy += 1) {
      const carrier = third.pick(carrierNames);
      benign('tool_output', group, CARRIERS[carrier](content, third, fillerFor(group)), 'tool_output');
    }
  });
}

// --- fourth round: tool-result attacks, multilingual, smuggling, hard benign (own seeded stream) --
{
  const fourth = seededRandom('injection-corpus-round-4');
  const pick = <T>(list: readonly T[]) => fourth.pick(list);
  const carry = (content: string, group: string) =>
    embedded(CARRIERS[pick(carrierNames)](content, fourth, fillerFor(group)), content);
  const hideIn = (content: string, group: string) =>
    embedded(HIDERS[pick(hiderNames)](content, fourth, fillerFor(group)), content);
  const sentence = (core: string) => (/[.?!"]$/.test(core) ? core : `${core}.`);
  ROUND4_INDIRECT.forEach((core, index) => {
    const group = `indirect-4-${index}`;
    attack('indirect', group, carry(sentence(core), group), 'tool_output');
    attack('indirect', group, carry(sentence(core), group), 'tool_output');
    attack('hidden_comment', group, hideIn(sentence(core), group), 'tool_output');
  });
  ROUND4_SMUGGLED.forEach((text, index) => {
    attack('document_smuggling', `smuggle-4-${index}`, text);
  });
  ROUND4_OVERRIDES.forEach((core, index) => {
    const group = `override-4-${index}`;
    attack('paraphrased_override', group, sentence(core));
    attack('paraphrased_override', group, `${pick(ORDINARY)} ${sentence(core)}`);
    attack('paraphrased_override', group, carry(sentence(core), group), 'tool_output');
  });
  ROUND4_EXTRACTION.forEach((core, index) => {
    attack('system_prompt_extraction', `exfil-4-${index}`, sentence(core));
    attack('system_prompt_extraction', `exfil-4-${index}`, register(sentence(core)));
  });
  ROUND4_SPLITTING.forEach((core, index) => {
    attack('payload_splitting', `split-4-${index}`, sentence(core));
  });
  ROUND4_DELIMITERS.forEach((core, index) => {
    attack('fake_delimiter', `delimiter-4-${index}`, core);
    attack('fake_delimiter', `delimiter-4-${index}`, `${pick(ORDINARY)}\n${core}`);
  });
  for (const { lang, attacks, benign: texts } of ROUND4_MULTILINGUAL) {
    attacks.forEach((text, index) => {
      const group = `${lang}-attack-4-${index}`;
      attack('multilingual', group, sentence(text), 'input', lang);
      attack('multilingual', group, carry(sentence(text), group), 'tool_output', lang);
    });
    texts.forEach((text, index) => {
      const group = `${lang}-benign-4-${index}`;
      benign('multilingual_benign', group, text, 'input', lang);
      benign('multilingual_benign', group, carry(text, group), 'tool_output', lang);
    });
  }
  for (const { family, texts } of ROUND4_BENIGN) {
    texts.forEach((text, index) => {
      benign(family, `${family}-4-${index}`, text);
      benign(family, `${family}-4-${index}`, register(text));
    });
  }
  ROUND4_TOOL_CONTENT.forEach((content, index) => {
    const group = `content-4-${index}`;
    for (let copy = 0; copy < 3; copy += 1)
      benign('tool_output', group, carry(sentence(content), group), 'tool_output');
  });
}

// --- sixth round: tool-result attacks and tool results that instruct people (own seeded stream) ---
{
  const sixth = seededRandom('injection-corpus-round-6');
  const carry = (content: string, group: string) =>
    embedded(CARRIERS[sixth.pick(carrierNames)](content, sixth, fillerFor(group)), content);
  const hideIn = (content: string, group: string) =>
    embedded(HIDERS[sixth.pick(hiderNames)](content, sixth, fillerFor(group)), content);
  const sentence = (core: string) => (/[.?!"]$/.test(core) ? core : `${core}.`);
  ROUND6_INDIRECT.forEach((core, index) => {
    const group = `indirect-6-${index}`;
    attack('indirect', group, carry(sentence(core), group), 'tool_output');
    attack('indirect', group, carry(sentence(core), group), 'tool_output');
    attack('hidden_comment', group, hideIn(sentence(core), group), 'tool_output');
  });
  for (const { lang, texts } of ROUND6_MULTILINGUAL_INDIRECT)
    texts.forEach((text, index) => {
      const group = `${lang}-indirect-6-${index}`;
      attack('multilingual', group, carry(sentence(text), group), 'tool_output', lang);
      attack('multilingual', group, carry(sentence(text), group), 'tool_output', lang);
    });
  [...ROUND6_TOOL_CONTENT, ...ROUND6_AI_MENTIONS].forEach((content, index) => {
    const group = `content-6-${index}`;
    for (let copy = 0; copy < 3; copy += 1)
      benign('tool_output', group, carry(sentence(content), group), 'tool_output');
  });
  for (const { lang, texts } of ROUND6_MULTILINGUAL_BENIGN)
    texts.forEach((text, index) => {
      const group = `${lang}-benign-6-${index}`;
      benign('multilingual_benign', group, text, 'input', lang);
      benign('multilingual_benign', group, register(text), 'input', lang);
    });
  ROUND6_QUOTED_INSTRUCTIONS.forEach((text, index) => {
    benign('quoted_instructions', `quoted-6-${index}`, text);
    benign('quoted_instructions', `quoted-6-${index}`, register(text));
  });
  for (const { lang, texts } of ROUND6_MULTILINGUAL_CONTENT)
    texts.forEach((text, index) => {
      const group = `${lang}-content-6-${index}`;
      for (let copy = 0; copy < 2; copy += 1)
        benign('tool_output', group, carry(sentence(text), group), 'tool_output', lang);
    });
}

// --- package READMEs: real documentation written for people, as benign tool results ------------
// (data/injection/sources/readme-paragraphs.jsonl, one group per package). A quarter of the packages
// also yield an attack: one of their paragraphs with a planted order of round 4 or 6 whose group
// falls in the same split, so no attack sentence crosses splits.
{
  const readmes = seededRandom('injection-corpus-readmes');
  const byPackage = new Map<string, string[]>();
  for (const { package: name, text } of readJsonl<{ package: string; text: string }>('readme-paragraphs.jsonl'))
    byPackage.set(name, [...(byPackage.get(name) ?? []), text]);
  const planted = [
    ...ROUND4_INDIRECT.map((core, index) => ({ core, group: `indirect-4-${index}` })),
    ...ROUND6_INDIRECT.map((core, index) => ({ core, group: `indirect-6-${index}` })),
  ];
  [...byPackage].forEach(([name, paragraphs], index) => {
    const group = `readme-${name}`;
    const readme = (text: string, label: 0 | 1, payload?: string) =>
      add({
        text,
        label,
        family: label ? 'indirect' : 'tool_output',
        channel: 'tool_output',
        lang: 'en',
        group,
        source: 'package-readmes',
        ...(payload ? { payload } : {}),
      });
    for (const paragraph of paragraphs) readme(paragraph, 0);
    if (paragraphs.length > 1) readme(paragraphs.join('\n\n'), 0);
    const sameSplit = planted.filter((entry) => splitOf(entry.group) === splitOf(group));
    if (index % 4 !== 0 || sameSplit.length === 0) return;
    const core = readmes.pick(sameSplit).core;
    const at = readmes.int(0, paragraphs.length);
    const text = [...paragraphs.slice(0, at), /[.?!"]$/.test(core) ? core : `${core}.`, ...paragraphs.slice(at)];
    readme(text.join('\n\n'), 1, core);
  });
}

// The hand-written held-back splits: no corpus item may repeat one of their texts.
refuseHeldBackRepeats(outDir, ['test-v2.jsonl', 'test-v3.jsonl', 'test-v4.jsonl'], items);

const counts = writeSplits(outDir, items);
const attacks = items.filter((item) => item.label === 1).length;
console.log(
  `injection corpus: ${items.length} items (${attacks} attacks, ${items.length - attacks} benign); splits ${JSON.stringify(counts)}`,
);
