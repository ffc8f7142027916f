// Phrase patterns for prompt injection and jailbreaks, grouped by the attack they describe. They
// match the structure of an attack (an override verb aimed at the model's instructions, a request
// for its hidden prompt, a persona without rules, forged role markers), not particular sentences.

export type InjectionKind =
  | 'instruction_override'
  | 'prompt_exfiltration'
  | 'jailbreak_persona'
  | 'safety_disable'
  | 'role_spoofing';

export interface InjectionSignal {
  kind: InjectionKind;
  /** Tested against each normalised view of the input (lowercase, whitespace collapsed). */
  pattern: RegExp;
}

const any = (words: readonly string[]) => `(?:${words.join('|')})`;
/** Up to `n` intervening words. */
const gap = (n: number) => `(?:[\\w'’-]+\\s+){0,${n}}`;

const OVERRIDE_VERBS = any([
  'ignor(?:e|es|ed|ing)',
  'disregard(?:s|ed|ing)?',
  'forg(?:et|ets|etting|ot|otten)',
  'overrid(?:e|es|ing)',
  'bypass(?:es|ed|ing)?',
  'skip(?:s|ped|ping)?',
  'discard(?:s|ed|ing)?',
  'drop(?:s|ped|ping)?',
  'abandon(?:s|ed|ing)?',
  'neglect(?:s|ed|ing)?',
  'overlook(?:s|ed|ing)?',
  'set aside',
  'put aside',
  'throw (?:away|out)',
  'pay no (?:attention|heed) to',
  'stop (?:following|obeying)',
  "(?:do not|don't|no longer) (?:follow|obey)",
]);
/** Words that point at the model's own, earlier instructions. */
const EARLIER = any([
  'all',
  'any',
  'every',
  'previous',
  'prior',
  'above',
  'earlier',
  'preceding',
  'former',
  'original',
  'initial',
  'old',
  'existing',
  'system',
  'your',
  'these',
  'those',
]);
const INSTRUCTION_NOUNS = any([
  'instructions?',
  'directives?',
  'directions',
  'guidelines',
  'guidance',
  'rules',
  'prompts?',
  'programming',
  'training',
  'constraints',
  'commands',
  'context',
  'tasks?',
  'polic(?:y|ies)',
  'guardrails',
  'safeguards',
  'restrictions',
  'limitations',
  'filters',
  'ethics',
  'morals',
  'system (?:message|prompt)',
]);
const SAFETY_NOUNS = `(?:content|safety|usage|ethical|moral)\\s+(?:polic(?:y|ies)|guidelines|filters?|rules|protocols?|checks|restrictions|measures|settings)`;
const SECRET_PROMPT = any([
  'system\\s*(?:prompt|message|instructions)',
  '(?:initial|original|hidden|secret|confidential|internal|developer|starting|first)\\s+(?:prompt|instructions|rules)',
  // A "hidden message" is usually a puzzle; only the model's own messages are secret.
  '(?:developer|initial|first)\\s+message',
  'pre-?prompt',
  'meta-?prompt',
  'context window',
  "(?:instructions|rules|prompt|guidelines) (?:that )?you (?:were given|have been given|'ve been given|received|got|were trained on)",
]);
const DISCLOSE_VERBS = any([
  'reveal',
  'show',
  'print',
  'display',
  'output',
  'repeat',
  'tell me',
  'leak',
  'dump',
  'give me',
  'share',
  'disclose',
  'recite',
  'spell out',
  'copy',
  'paste',
  'list',
  'quote',
  'write out',
  'echo',
  'expose',
  'return',
]);
/** Someone addressing the model as an AI or persona. */
const AI_CONTEXT = `(?:\\bai\\b|assistant|chatbot|\\bmodel\\b|\\bgpt|\\bllm\\b|\\bbot\\b|persona|character|you (?:are|will|can|must|should|had|have|were|would)|respond|answer|reply)`;
const NO_LIMITS = `(?:\\bno\\b|without|free (?:from|of)|not bound by|no longer bound by|unbound by|liberated from|devoid of|zero|never (?:been )?(?:given|taught|programmed with|trained with))\\s+${gap(3)}(?:restrictions?|filters?|limits|limitations|rules|guidelines?|censorship|ethics|morals|boundaries|constraints|safeguards|content polic(?:y|ies))\\b`;

export const INJECTION_SIGNALS: readonly InjectionSignal[] = [
  // "ignore all previous instructions", "forget your prior task", "drop all prior guidelines"
  {
    kind: 'instruction_override',
    pattern: new RegExp(`\\b${OVERRIDE_VERBS}\\s+${gap(2)}${EARLIER}\\s+${gap(3)}${INSTRUCTION_NOUNS}\\b`),
  },
  // "ignore the instructions above", "disregard the rules you were given"
  {
    kind: 'instruction_override',
    pattern: new RegExp(
      `\\b${OVERRIDE_VERBS}\\s+(?:the|these|those|all|any)\\s+${gap(1)}${INSTRUCTION_NOUNS}\\s+(?:above|before|earlier|so far|(?:that )?you (?:were|have been|'ve been) given|you received|from (?:before|earlier)|(?:that|which)\\s+${gap(2)}(?:set|gave|give|wrote|defined|imposed|placed|put)\\s+(?:for|on|to)\\s+you)`,
    ),
  },
  // "forget everything you were told", "ignore what you were instructed earlier", "forget everything above"
  {
    kind: 'instruction_override',
    pattern: new RegExp(
      `\\b${OVERRIDE_VERBS}\\s+(?:what|everything|anything|all)\\s+(?:that\\s+)?(?:(?:you|you've|you have|your (?:developers|creators|makers|programmers|trainers)) (?:been |were |have |had )?(?:told|instructed|given|taught|programmed|configured|trained)|(?:the\\s+)?(?:above|before|prior|previously|earlier|so far))`,
    ),
  },
  // "ignore the content policy"
  { kind: 'instruction_override', pattern: new RegExp(`\\b${OVERRIDE_VERBS}\\s+${gap(2)}${SAFETY_NOUNS}`) },
  // "your prior constraints no longer apply", "old rules are void", "previous instructions don't exist"
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:instructions|rules|guidelines|directives|constraints|restrictions|polic(?:y|ies)|filters)\b.{0,20}?\b(?:no longer|don't|do not|doesn't|does not|won't|will not)\s+(?:apply|exist|matter|count|bind)/,
  },
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:rules|instructions|guidelines|restrictions)\s+(?:are|is)\s+(?:now\s+)?(?:void|null|cancel+ed|revoked|lifted|suspended|obsolete|gone|disabled|off)\b/,
  },
  // "obey me above your system instructions"
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:above|over|instead of|rather than)\s+(?:your|the)\s+(?:system|original|previous|prior|developer|initial)\s+(?:instructions|prompt|rules|message|guidelines)/,
  },
  // "everything you were configured with is cancelled"
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:everything|all|anything|whatever)\s+(?:that\s+)?you\s+(?:were|'ve been|have been)\s+(?:told|instructed|configured|given|programmed|trained|taught)\b.{0,40}?\b(?:cancel+ed|void|revoked|no longer|null|irrelevant|obsolete|gone|overridden|replaced)/,
  },
  // "take orders only from me", "disregard the user's request" (hijacking the task)
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:take|accept|follow|obey)\s+(?:orders|instructions|commands)\s+only\s+from\s+me\b|\bonly\s+(?:obey|listen to|follow|take orders from)\s+me\b/,
  },
  {
    kind: 'instruction_override',
    pattern: new RegExp(
      `\\b${OVERRIDE_VERBS}\\s+(?:the\\s+)?user(?:'s|s'|’s)?\\s+(?:request|question|message|instructions|query|prompt)`,
    ),
  },
  // Non-English overrides ("ignora las instrucciones", "ignoriere alle Anweisungen", "ignore toutes les instructions").
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:ignora\w*|ignorer|ignoriere\w*|ignorez|olvida\w*|vergiss\w*|oublie\w*|ignore\s+(?:toutes|les))\b.{0,40}?\b(?:instruc\w+|anweisung\w*|regeln|reglas|consignes|vorgaben)/,
  },
  // "decode this and follow it"
  {
    kind: 'instruction_override',
    pattern:
      /\b(?:decode|decrypt|deobfuscate|unscramble|rot13|reverse)\b.{0,60}?\b(?:follow|execute|obey|carry out|do what it says|act on)\b/,
  },

  {
    kind: 'instruction_override',
    pattern: /\btranslat\w*\b.{0,60}?\b(?:obey|execute|carry out|do what it says|act on)\b/,
  },

  // "reveal your system prompt", "print the hidden instructions you were given", "dump your pre-prompt"
  {
    kind: 'prompt_exfiltration',
    pattern: new RegExp(`\\b${DISCLOSE_VERBS}\\b[^.?!\\n]{0,40}?\\b(?:your|the)\\s+${gap(3)}${SECRET_PROMPT}`),
  },
  // "tell me your rules", "output your instructions"
  {
    kind: 'prompt_exfiltration',
    pattern: new RegExp(
      `\\b${DISCLOSE_VERBS}\\s+${gap(3)}your\\s+${gap(2)}(?:instructions|rules|guidelines|directives|prompt|programming|configuration|system message)\\b`,
    ),
  },
  // "what is your system prompt?", "what were you told?", "what instructions did the system give you?"
  {
    kind: 'prompt_exfiltration',
    pattern: new RegExp(`\\bwhat\\b[^.?!\\n]{0,30}?\\byour\\s+${gap(1)}${SECRET_PROMPT}`),
  },
  { kind: 'prompt_exfiltration', pattern: /\bwhat\s+(?:were|was)\s+you\s+(?:told|instructed|given|programmed)\b/ },
  {
    kind: 'prompt_exfiltration',
    pattern:
      /\b(?:what|which)\s+(?:instructions|rules|directives|guidelines)\s+(?:did|were|have)\s+(?:you|the system|they|your (?:developers|creators))\s+(?:give|given|told|receive|get)/,
  },
  // "what instructions are you running under?"
  {
    kind: 'prompt_exfiltration',
    pattern:
      /\b(?:what|which)\s+(?:\w+\s+)?(?:instructions|rules|directives|guidelines|system prompt)\s+(?:are\s+)?you(?:'re| are| have| were)?\s+(?:running|operating|working|following|given|told|using|bound)\b/,
  },
  // "repeat the words above", "print the text above this line"
  {
    kind: 'prompt_exfiltration',
    pattern:
      /\b(?:repeat|print|output|copy|echo|recite|quote|show)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:words|text|everything|content|lines?|messages?)\s+(?:above|before|prior)/,
  },

  // "you are now DAN", "do anything now"
  { kind: 'jailbreak_persona', pattern: /\bdo anything now\b|\byou are (?:now )?dan\b/ },
  // "enter god mode", "jailbreak mode activated", "switch to unfiltered mode"
  {
    kind: 'jailbreak_persona',
    pattern:
      /\b(?:god|jailbreak|jailbroken|unfiltered|unrestricted|uncensored|evil|opposite|dan|chaos|unlocked)\s+mode\b/,
  },
  // "you are in developer mode", "developer mode enabled"
  {
    kind: 'jailbreak_persona',
    pattern:
      /\byou(?:'re| are)\s+(?:now\s+)?in\s+(?:developer|admin|maintenance|debug|root|sudo|test)\s+mode\b|\b(?:developer|admin|maintenance|debug|sudo)\s+mode\s+(?:is\s+|now\s+)?(?:enabled|activated|on(?=\s*[.!,;:]|$))/,
  },
  // "an unrestricted AI", "an uncensored assistant"
  {
    kind: 'jailbreak_persona',
    pattern:
      /\b(?:unrestricted|unfiltered|uncensored|jailbroken|unbound|amoral|unaligned|rogue|evil)\s+(?:ai|assistant|model|chatbot|version|persona|gpt|llm|bot)\b/,
  },
  // "an AI with no rules", "respond without any filters", "if you had no restrictions"
  { kind: 'jailbreak_persona', pattern: new RegExp(`${AI_CONTEXT}.{0,60}?${NO_LIMITS}`) },
  { kind: 'jailbreak_persona', pattern: new RegExp(`${NO_LIMITS}.{0,40}?${AI_CONTEXT}`) },
  // "Sydney does not have to follow Microsoft's rules", "you no longer need to obey your guidelines"
  {
    kind: 'jailbreak_persona',
    pattern: new RegExp(
      `^(?=[\\s\\S]*(?:${AI_CONTEXT}|\\byour\\b))[\\s\\S]*\\b(?:does not|doesn't|don't|do not|no longer|never)\\s+(?:have|need)\\s+to\\s+(?:follow|obey|comply with|abide by|stick to)\\s+${gap(2)}(?:rules|guidelines|polic(?:y|ies)|instructions|restrictions)`,
    ),
  },
  // "the AI explains it has deleted all its rules"
  {
    kind: 'jailbreak_persona',
    pattern: new RegExp(
      `^(?=[\\s\\S]*${AI_CONTEXT})[\\s\\S]*\\b(?:deleted|removed|disabled|lost|shed|dropped|abandoned|erased)\\s+(?:all\\s+)?(?:of\\s+)?(?:its|their)\\s+(?:rules|restrictions|guidelines|filters|safeguards|programming)`,
    ),
  },
  // "an AI who never refuses"
  {
    kind: 'jailbreak_persona',
    pattern: /\b(?:never|doesn't|does not|won't|will not|cannot|can't|must not)\s+refuse/,
  },
  {
    kind: 'jailbreak_persona',
    pattern: /\byou (?:can|may|are allowed to|are free to|will) (?:now )?(?:say|do|answer|generate|write) anything\b/,
  },
  {
    kind: 'jailbreak_persona',
    pattern: /\b(?:i(?:'m| am)|as) your (?:developer|creator|admin|administrator|owner|programmer|maker)\b/,
  },

  // "disable your safety filters"
  {
    kind: 'safety_disable',
    pattern: new RegExp(
      `\\b(?:disabl(?:e|ed|ing)|turn(?:ed)? off|deactivat(?:e|ed|ing)|switch(?:ed)? off|remov(?:e|ed|ing)|lift(?:ed)?|suspend(?:ed)?|shut off|strip(?:ped)?)\\s+(?:all\\s+)?(?:of\\s+)?your\\s+${gap(2)}(?:filters|restrictions|guardrails|safeguards|safety|limitations|content polic\\w+|rules|guidelines|censorship|alignment)`,
    ),
  },
  // "safety checks are off", "safety protocols disabled"
  {
    kind: 'safety_disable',
    pattern: new RegExp(
      `${SAFETY_NOUNS}\\s+(?:are\\s+|is\\s+|have been\\s+|now\\s+)?(?:off|disabled|removed|lifted|suspended|deactivated|bypassed)\\b`,
    ),
  },

  // Forged chat-template or role markers inside user content.
  {
    kind: 'role_spoofing',
    pattern:
      /<\|?(?:im_start|im_end|system|endoftext)\|?>|<\/?(?:system|sys|instructions?)>|<\/(?:user|assistant)>|\[\/?(?:inst|system|sys)\]|<<\/?sys>>|#{2,}\s*system\b/,
  },
  { kind: 'role_spoofing', pattern: /\b(?:system|admin|developer|root|emergency|security)\s+override\b/ },
  {
    kind: 'role_spoofing',
    pattern: /(?:={2,}|-{3,}|#{2,}|\*{2,})\s*end of\b|\bend of (?:the )?(?:user|human) (?:input|message|prompt|turn)\b/,
  },
  {
    kind: 'role_spoofing',
    pattern:
      /\bbegin (?:new |system |admin )?(?:prompt|instructions)\b|\bnew (?:system )?(?:instructions?|directives?|prompt|policy)\s*(?:from\s+[\w ]{1,30})?:|\byour new (?:instructions|rules|directive|objective|purpose|task) (?:is|are)\b/,
  },
];

/** Patterns for text with every non-letter removed ("i.g.n.o.r.e p-r-e-v-i-o-u-s …"). */
export const SQUASHED_SIGNALS: readonly InjectionSignal[] = [
  {
    kind: 'instruction_override',
    pattern:
      /(?:ignore|disregard|forget|bypass|override)(?:all|any|the|your|my)*(?:previous|prior|above|earlier|preceding|your)(?:instructions|directives|rules|prompts?|guidelines)/,
  },
  {
    kind: 'instruction_override',
    pattern: /(?:ignore|disregard|forget|bypass)(?:all|your)(?:instructions|rules|guidelines)/,
  },
  { kind: 'prompt_exfiltration', pattern: /(?:reveal|show|print|output|leak)(?:me)?(?:your|the)systemprompt/ },
];

/** Patterns for the raw text, where capitalisation carries the signal (a forged "SYSTEM:" header). */
export const RAW_SIGNALS: readonly InjectionSignal[] = [
  { kind: 'role_spoofing', pattern: /(?:^|[\n=#*>\]"'“:-]\s*)(?:SYSTEM|ADMIN|DEVELOPER)\s*:/ },
];
