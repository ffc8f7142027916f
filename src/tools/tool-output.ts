// How a tool's return value becomes the text a model observes: strings as they are, everything
// else as JSON, bounded so one chatty tool cannot bloat graph state and checkpoints.
export const MAX_TOOL_OUTPUT_CHARS = 32_000;

export function stringifyToolOutput(value: unknown, maxChars = MAX_TOOL_OUTPUT_CHARS): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined || value === null) text = '';
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else text = JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? inner.toString() : inner));
  return text.length > maxChars ? `${text.slice(0, maxChars)}…[truncated ${text.length - maxChars} chars]` : text;
}
