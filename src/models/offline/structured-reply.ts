// The offline model's `structured` reply: one JSON object valid against the Schema section, seeded
// from the Answer. Checked with ajv; if the answer-seeded instance does not validate (a pattern or
// length the answer text breaks), the plain generated instance is used instead.
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readSection } from '../../prompts/sections.js';
import { generateJsonInstance } from './json-instance-generator.js';
import { numbersIn } from './tool-argument-extractor.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;

export function structuredReply(sectionText: string): unknown {
  const schemaText = readSection(sectionText, 'schema') ?? '{}';
  const answer = readSection(sectionText, 'answer') ?? '';
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch {
    return { answer };
  }
  const seeded = generateJsonInstance(schema, { answer, numbers: numbersIn(answer) });
  const validate = compile(schema);
  if (!validate || validate(seeded)) return seeded;
  const plain = generateJsonInstance(schema, {});
  return validate(plain) ? plain : seeded;
}

function compile(schema: unknown): ((value: unknown) => boolean) | null {
  if (schema === null || typeof schema !== 'object') return null;
  const draft2020 = String((schema as Record<string, unknown>).$schema ?? '').includes('2020-12');
  const ajv = draft2020 ? new Ajv2020({ strict: false }) : new Ajv({ strict: false });
  addFormats(ajv);
  try {
    return ajv.compile(schema as Record<string, unknown>);
  } catch {
    return null;
  }
}
