import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse-lesson.js';

describe('parseLesson', () => {
  it('accepts a JSON lesson, bare or fenced, and normalises tags', () => {
    expect(parseLesson('{"lesson":"Use the calculator.","tags":["Math"," tools ","math"]}')).toEqual({
      lesson: 'Use the calculator.',
      tags: ['math', 'tools'],
    });
    expect(parseLesson('Here you go:\n```json\n{"lesson": "  Check units\\n twice ", "tags": []}\n```')).toEqual({
      lesson: 'Check units twice',
      tags: [],
    });
    expect(parseLesson('{"lesson":"No tags given"}')).toEqual({ lesson: 'No tags given', tags: [] });
  });

  it('rejects prose, empty and malformed replies', () => {
    expect(parseLesson('I learned to use the calculator.')).toBeNull();
    expect(parseLesson('')).toBeNull();
    expect(parseLesson('{"lesson":""}')).toBeNull();
    expect(parseLesson('{"lesson":"   "}')).toBeNull();
    expect(parseLesson('{"lesson": 42}')).toBeNull();
    expect(parseLesson('{"lesson":"x", "tags": "math"}')).toBeNull();
  });
});
