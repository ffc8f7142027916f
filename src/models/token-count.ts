// Token counting with gpt-tokenizer, loaded on the first count: its encoding tables cost ~0.4 s of
// CPU to load, which `import('riptide')` and commands that never count tokens should not pay. The
// package's CommonJS build is required synchronously so counting stays a plain function call.
import { createRequire } from 'node:module';
import type * as GptTokenizer from 'gpt-tokenizer';

let tokenizer: typeof GptTokenizer | undefined;

/** Tokens of `text` in gpt-tokenizer's default encoding. */
export function countTokens(text: string): number {
  tokenizer ??= createRequire(import.meta.url)('gpt-tokenizer') as typeof GptTokenizer;
  return tokenizer.countTokens(text);
}
