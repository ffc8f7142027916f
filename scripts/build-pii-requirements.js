#!/usr/bin/env node
// Writes the requirements of the default PII detectors' patterns (dist/guardrails/pii-requirements.json)
// with the compiled analysis itself, so a process's first guarded text does not pay for parsing them
// (src/guardrails/pii-requirement-snapshot.ts); run after tsc, by `npm run build:server`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { defaultPiiDetectors } = await import(new URL('guardrails/pii-detectors.js', dist).href);
const { regexRequirement } = await import(new URL('guardrails/regex-requirements.js', dist).href);
const { encodeRequirementSnapshot, PII_REQUIREMENTS_FILE } = await import(
  new URL('guardrails/pii-requirement-snapshot.js', dist).href
);

const patterns = defaultPiiDetectors().map((detector) => detector.pattern);
const file = fileURLToPath(PII_REQUIREMENTS_FILE);
writeFileSync(file, encodeRequirementSnapshot(patterns.map((pattern) => [pattern, regexRequirement(pattern)])));
console.log(`PII requirements: ${patterns.length} patterns → ${file}`);
