// max_tokens / max_completion_tokens and `stop` on the OpenAI surface: the answer is cut at the
// first stop sequence (finish_reason "stop") or after the token limit (finish_reason "length"),
// whole or while it streams. Tokens are counted in o200k_base, the encoding riptide already uses for
// budgets, so "1 token" means what an OpenAI client expects; it loads on the first request that
// sets max_tokens, not at server start.
import { openAiTokenizer } from '../models/token-count.js';

export interface AnswerLimits {
  maxTokens: number | null;
  stop: string[];
}

export type LimitReason = 'stop' | 'length' | null;

/** The answer cut to the limits, and why it was cut (null: not cut). */
export function limitAnswer(text: string, limits: AnswerLimits): { text: string; cut: LimitReason } {
  let kept = text;
  let cut: LimitReason = null;
  for (const sequence of limits.stop) {
    const at = kept.indexOf(sequence);
    if (sequence && at >= 0) {
      kept = kept.slice(0, at);
      cut = 'stop';
    }
  }
  if (limits.maxTokens !== null) {
    const tokenizer = openAiTokenizer();
    const tokens = tokenizer.encode(kept);
    if (tokens.length > limits.maxTokens) {
      kept = tokenizer.decode(tokens.slice(0, limits.maxTokens));
      cut = 'length';
    }
  }
  return { text: kept, cut };
}

/**
 * The same limits over a stream of deltas: `push` returns the text that may go out now (a possible
 * start of a stop sequence is held back until it is decided), `end` what remains.
 */
export function createAnswerLimiter(limits: AnswerLimits) {
  const holdBack = Math.max(0, ...limits.stop.map((sequence) => sequence.length - 1));
  const unlimited = limits.maxTokens === null && limits.stop.length === 0;
  let received = '';
  let sent = 0;
  let cut: LimitReason = null;
  return {
    push(delta: string): string {
      if (unlimited) return delta;
      if (cut) return '';
      received += delta;
      const limited = limitAnswer(received, limits);
      cut = limited.cut;
      const until = cut ? limited.text.length : Math.max(sent, limited.text.length - holdBack);
      const out = limited.text.slice(sent, until);
      sent = until;
      return out;
    },
    end(): { rest: string; cut: LimitReason } {
      if (unlimited || cut) return { rest: '', cut };
      const limited = limitAnswer(received, limits);
      const rest = limited.text.slice(sent);
      sent = limited.text.length;
      return { rest, cut: limited.cut };
    },
    get cut(): LimitReason {
      return cut;
    },
  };
}
