// The quality gate for reflection replies: only a JSON object with a non-empty lesson becomes a
// lesson; prose, empty or malformed replies are dropped rather than polluting memory.
import { parseModelJson, reflectOutputSchema } from '../prompts/contract.js';

const MAX_LESSON_CHARS = 600;
const MAX_TAGS = 8;
const MAX_TAG_CHARS = 40;

export function parseLesson(text: string): { lesson: string; tags: string[] } | null {
  const parsed = parseModelJson(text, reflectOutputSchema);
  if (!parsed) return null;
  const lesson = parsed.lesson.replace(/\s+/g, ' ').trim();
  if (lesson.length === 0) return null;
  const tags = [
    ...new Set(parsed.tags.map((tag) => tag.trim().toLowerCase().slice(0, MAX_TAG_CHARS)).filter(Boolean)),
  ].slice(0, MAX_TAGS);
  return { lesson: lesson.slice(0, MAX_LESSON_CHARS), tags };
}
