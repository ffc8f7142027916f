import { describe, expect, it } from 'vitest';
import { conversionDirection, conversionOf, directionWords } from './conversion-direction.js';

describe('conversion direction', () => {
  const jsonToCsv = conversionOf('json_to_csv')!;

  it('reads the source and target from a tool name', () => {
    expect(jsonToCsv).toEqual({ source: 'json', target: 'csv' });
    expect(conversionOf('word_count')).toBeNull();
  });

  it('votes by the order and the markers the request uses', () => {
    expect(conversionDirection(jsonToCsv, directionWords('json to csv'))).toBe(1);
    expect(conversionDirection(jsonToCsv, directionWords('turn my csv into json'))).toBe(-1);
    expect(conversionDirection(jsonToCsv, directionWords('I need csv, from this json'))).toBe(1);
    expect(conversionDirection(jsonToCsv, directionWords('export it as a csv file'))).toBe(1);
    expect(conversionDirection(jsonToCsv, directionWords('format the json nicely'))).toBe(0);
  });
});
