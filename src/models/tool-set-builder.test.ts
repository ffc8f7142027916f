import { describe, expect, it } from 'vitest';
import type { ModelToolDefinition } from './model-gateway.js';
import { createToolSetBuilder } from './tool-set-builder.js';

describe('createToolSetBuilder', () => {
  const definition: ModelToolDefinition = {
    description: 'Count words',
    json_schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  };

  it('builds each definition object once and reuses it across calls', async () => {
    const builder = createToolSetBuilder();
    const first = builder.build({ word_count: definition });
    const second = builder.build({ word_count: definition, alias: definition });
    expect(second.word_count).toBe(first.word_count);
    expect(second.alias).toBe(first.word_count);
    expect(first.word_count.description).toBe('Count words');
    expect(first.word_count.execute).toBeUndefined();
    const other = createToolSetBuilder().build({ word_count: definition });
    expect(other.word_count).not.toBe(first.word_count);
    const changed = builder.build({ word_count: { ...definition } });
    expect(changed.word_count).not.toBe(first.word_count);
  });
});
