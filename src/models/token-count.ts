// Exact token counts with gpt-tokenizer, each encoding loaded on its first use: the o200k tables
// cost ~63 MB of RSS and ~0.4 s of CPU, which a server or command that never needs an exact count
// should not pay. The CommonJS builds are required synchronously so counting stays a plain call.
import { createRequire } from 'node:module';
import type * as GptEncoding from 'gpt-tokenizer/encoding/o200k_base';

export type Tokenizer = typeof GptEncoding;

const require = createRequire(import.meta.url);
let o200k: Tokenizer | undefined;
let cl100k: Tokenizer | undefined;

/** o200k_base, the encoding of OpenAI's current models: where "1 token" must mean what OpenAI means. */
export function openAiTokenizer(): Tokenizer {
  o200k ??= require('gpt-tokenizer/encoding/o200k_base') as Tokenizer;
  return o200k;
}

/** Tokens of `text` in o200k_base (budgets' worst-case prompt, usage a provider did not report). */
export function countTokens(text: string): number {
  return openAiTokenizer().countTokens(text);
}

/**
 * Tokens of `text` in cl100k_base, for the offline model's usage: it is no OpenAI model, so any
 * real BPE count will do, and this one's tables are about half the size (~34 vs ~63 MB of RSS).
 */
export function countOfflineTokens(text: string): number {
  cl100k ??= require('gpt-tokenizer/encoding/cl100k_base') as Tokenizer;
  return cl100k.countTokens(text);
}
