// Reads a workflow spec file for the CLI: JSON, or YAML (a superset of JSON, so one parser reads both).
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { RiptideError, ValidationError } from '../errors/riptide-error.js';

/** The file's parsed contents, not yet validated as a workflow. */
export async function readWorkflowFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RiptideError(
      'not_found',
      `cannot read workflow file '${file}' (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ValidationError(
      [`${file}: not valid JSON or YAML (${(error as Error).message.split('\n')[0]})`],
      'invalid_workflow',
    );
  }
}
