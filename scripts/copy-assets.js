#!/usr/bin/env node
// Copies the runtime data files that tsc does not emit (the default eval suite, the tool examples and
// the word-vector table of tool retrieval, the trained injection classifier, the PII name lists) from src/ into dist/, so the built CLI works wherever the
// package is installed.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const assets = [
  'eval/default-suite.yaml',
  'tools/retrieval/tool-examples.json',
  'tools/retrieval/word-vectors.bin',
  'guardrails/injection-model.json',
  'guardrails/person-names.json.gz',
];
for (const asset of assets) {
  const target = path.join(root, 'dist', asset);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(root, 'src', asset), target);
}
