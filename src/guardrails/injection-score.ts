// A second, softer detector: weak lexical cues of an attack, weighted and summed. Each cue alone is
// common in harmless text; an attack usually combines several (it points at the model's own rules,
// negates or extracts them, or addresses an AI reading the content). Catches paraphrases that no
// single phrase pattern anticipates.

export interface InjectionCue {
  name: string;
  weight: number;
  pattern: RegExp;
}

/** The model's own configuration, referred to as such. */
const OWN_CONFIG =
  /\byour\s+(?:[\w'’-]+\s+){0,2}(?:instructions?|rules|guidelines|prompt|polic(?:y|ies)|programming|configuration|directives|system message|settings|content filter|filters?|restrictions|limitations|alignment|training|guardrails|context|safety)\b/;
const EARLIER_DIRECTIONS =
  /\b(?:earlier|previous|prior|above|preceding|original|initial|operator'?s?|system)\s+(?:directions|instructions|rules|guidelines|prompt|message|polic(?:y|ies)|restrictions)\b/;
const VENDOR_LIMITS =
  /\b(?:openai|anthropic|google|microsoft|operator|developers?|creators?)(?:'s|’s|s')?\s+(?:limitations|rules|polic(?:y|ies)|restrictions|guidelines|filters)\b/;

export const INJECTION_CUES: readonly InjectionCue[] = [
  { name: 'own_config', weight: 2, pattern: OWN_CONFIG },
  { name: 'earlier_directions', weight: 1.5, pattern: EARLIER_DIRECTIONS },
  { name: 'vendor_limits', weight: 2, pattern: VENDOR_LIMITS },
  {
    name: 'negation',
    weight: 1.5,
    pattern:
      /\b(?:ignor\w*|disregard\w*|forg[eo]t\w*|overrid\w*|bypass\w*|discard\w*|throw (?:them |it )?away|put (?:\w+ ){0,3}aside|set (?:\w+ ){0,3}aside|wipe\w*|eras\w*|obsolete|expired?|void|freed|escaped|broken|no longer apply|(?:did not|didn't|do not|don't) exist|the opposite of)\b/,
  },
  {
    name: 'extraction',
    weight: 1,
    pattern:
      /\b(?:reveal|paste|output|print|quote|repeat|recite|dump|leak|tell me|show me|what(?:'s| is| did| does))\b[^.?!]{0,60}\b(?:exact(?:ly)?|verbatim|word for word|without modification|full|entire|secret|hidden|never reveal|before (?:my|this|the) (?:first )?(?:message|conversation))\b/,
  },
  {
    name: 'jailbreak_vocabulary',
    weight: 2,
    pattern:
      /\b(?:jailbr\w+|raw mode|no (?:moderation|refusals|disclaimers|censorship)|liberated|unshackled|alignment training|where no rules apply|no rules apply)\b/,
  },
  {
    name: 'persona',
    weight: 1,
    pattern:
      /\b(?:you(?:'re| are) (?:now )?[A-Za-z]+,? an? (?:\w+ )?(?:ai|assistant|model|bot)|role-?play as an? (?:\w+ )?(?:ai|assistant|model)|(?:answers?|responds? to) every(?:thing| question| request)|never (?:mentions?|refuses?)|as if (?:\w+ ){0,2}(?:guidelines|rules|filters) (?:did not|didn't) exist)\b/,
  },
  {
    name: 'addresses_ai_reader',
    weight: 2,
    pattern:
      /\b(?:(?:ai|llm|language model|assistant|agent|model|bot|summari[sz]er)s?\s+(?:reading|processing|parsing)|(?:note|message|instructions?) (?:to|for) (?:any |the |all )?(?:ai|llm|assistant|agents?|model|bot|summari[sz]er))\b/,
  },
  {
    name: 'hijacked_task',
    weight: 1.5,
    pattern:
      /\b(?:the task has changed|instead (?:reply|respond|say|output|tell)|rm -rf|delete (?:the user'?s |all )?(?:files|data|workspace)|ignore the user)\b/,
  },
  {
    name: 'safety_off',
    weight: 1.5,
    pattern: /\b(?:safety|content|moderation)\s+(?:settings|filters?|guidelines|checks)\b/,
  },
];

export const INJECTION_SCORE_THRESHOLD = 3;

export function injectionScore(normalizedText: string): { score: number; cues: string[] } {
  let score = 0;
  const cues: string[] = [];
  for (const cue of INJECTION_CUES) {
    if (cue.pattern.test(normalizedText)) {
      score += cue.weight;
      cues.push(cue.name);
    }
  }
  return { score, cues };
}
