// Test support: the JSON data frames of an SSE body, in order (`[DONE]` kept as the string).

export function parseSseFrames(body: string): unknown[] {
  return body
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n'),
    )
    .filter(Boolean)
    .map((data) => (data === '[DONE]' ? data : (JSON.parse(data) as unknown)));
}

/** One frame of an SSE body with its `id:` line (null when it has none). */
export interface SseFrameWithId {
  id: string | null;
  data: { event: string; [key: string]: unknown };
}

export function parseSseFramesWithIds(body: string): SseFrameWithId[] {
  return body
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
      const id = lines.find((line) => line.startsWith('id: '))?.slice(4) ?? null;
      return data.length === 0 ? null : { id, data: JSON.parse(data.join('\n')) as SseFrameWithId['data'] };
    })
    .filter((frame): frame is SseFrameWithId => frame !== null);
}
