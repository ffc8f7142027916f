// Turns an MCP tools/call result into readable tool output: text blocks as they are, structured
// content as JSON, other blocks as short placeholders; isError becomes a thrown Error.
import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';

/** Either the current result shape or the pre-2024-11 `toolResult` one. */
export interface McpCallResult {
  content?: unknown;
  structuredContent?: unknown;
  isError?: unknown;
  toolResult?: unknown;
}

export class McpToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'McpToolError';
  }
}

/** Readable output for a successful call; throws McpToolError (with the server's text) for isError. */
export function mcpToolOutput(result: McpCallResult): string {
  if (result.toolResult !== undefined && result.content === undefined) {
    return typeof result.toolResult === 'string' ? result.toolResult : JSON.stringify(result.toolResult);
  }
  const blocks = Array.isArray(result.content) ? (result.content as ContentBlock[]) : [];
  const text = blocks
    .map(describeBlock)
    .filter((part) => part !== '')
    .join('\n');
  if (result.isError === true) {
    throw new McpToolError(text || 'the MCP tool reported an error without a message');
  }
  const hasTextBlock = blocks.some((block) => block.type === 'text');
  if (result.structuredContent !== undefined && result.structuredContent !== null && !hasTextBlock) {
    const structured = JSON.stringify(result.structuredContent);
    return text ? `${structured}\n${text}` : structured;
  }
  return text;
}

function describeBlock(block: ContentBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'image':
      return `[image ${block.mimeType}, ${approximateBytes(block.data)} bytes]`;
    case 'audio':
      return `[audio ${block.mimeType}, ${approximateBytes(block.data)} bytes]`;
    case 'resource_link':
      return `[resource ${block.uri}${block.name ? ` (${block.name})` : ''}]`;
    case 'resource': {
      const resource = block.resource;
      if ('text' in resource && typeof resource.text === 'string') return resource.text;
      return `[resource ${resource.uri}${resource.mimeType ? ` ${resource.mimeType}` : ''}]`;
    }
    default:
      return '';
  }
}

function approximateBytes(base64: string): number {
  return Math.floor((base64.length * 3) / 4);
}
