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
