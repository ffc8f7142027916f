import { describe, expect, it } from 'vitest';
import { McpToolError, mcpToolOutput } from './mcp-tool-output.js';

describe('mcpToolOutput', () => {
  it('joins text blocks and describes the others briefly', () => {
    expect(
      mcpToolOutput({
        content: [
          { type: 'text', text: 'first' },
          { type: 'image', data: 'AAAA', mimeType: 'image/png' },
          { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt' },
          { type: 'resource', resource: { uri: 'mem://note', text: 'embedded text' } },
          { type: 'text', text: 'last' },
        ],
      }),
    ).toBe('first\n[image image/png, 3 bytes]\n[resource file:///a.txt (a.txt)]\nembedded text\nlast');
  });

  it('shows structured content as JSON when there is no text', () => {
    expect(mcpToolOutput({ content: [], structuredContent: { sum: 42 } })).toBe('{"sum":42}');
    // With a text block the text already says it (servers mirror structured content as text).
    expect(mcpToolOutput({ content: [{ type: 'text', text: 'sum is 42' }], structuredContent: { sum: 42 } })).toBe(
      'sum is 42',
    );
  });

  it('throws the server text for isError', () => {
    expect(() => mcpToolOutput({ isError: true, content: [{ type: 'text', text: 'quota exceeded' }] })).toThrow(
      new McpToolError('quota exceeded'),
    );
    expect(() => mcpToolOutput({ isError: true, content: [] })).toThrow(/without a message/);
  });

  it('accepts the old toolResult shape', () => {
    expect(mcpToolOutput({ toolResult: { ok: true } })).toBe('{"ok":true}');
  });
});
