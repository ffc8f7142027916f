import { describe, expect, it } from 'vitest';
import { splitTask } from './task-splitter.js';

describe('splitTask', () => {
  it('keeps a task without connectives whole, arithmetic included', () => {
    expect(splitTask('compute 21 * 2')).toEqual([{ subtask: 'compute 21 * 2', depends_on: [] }]);
    expect(splitTask('what is (3 + 4) * 2?')).toEqual([{ subtask: 'what is (3 + 4) * 2', depends_on: [] }]);
    expect(splitTask('compute max(1, 2) and then min(3, 4)')).toEqual([
      { subtask: 'compute max(1, 2)', depends_on: [] },
      { subtask: 'min(3, 4)', depends_on: [0] },
    ]);
  });

  it('splits on "and", commas and semicolons into independent subtasks', () => {
    expect(splitTask('compute 21 * 2, uppercase "hi"; count the words in "a b" and search for tides')).toEqual([
      { subtask: 'compute 21 * 2', depends_on: [] },
      { subtask: 'uppercase "hi"', depends_on: [] },
      { subtask: 'count the words in "a b"', depends_on: [] },
      { subtask: 'search for tides', depends_on: [] },
    ]);
  });

  it('makes then / and then / after that / finally depend on the previous subtask', () => {
    expect(
      splitTask('First compute 3 + 4, then double it. After that write a note and then finally report back'),
    ).toEqual([
      { subtask: 'compute 3 + 4', depends_on: [] },
      { subtask: 'double it', depends_on: [0] },
      { subtask: 'write a note', depends_on: [1] },
      { subtask: 'report back', depends_on: [2] },
    ]);
  });

  it('never splits inside quotes and merges one-word fragments back', () => {
    expect(splitTask("count the words in 'salt, pepper and then oil' and search for cats and dogs")).toEqual([
      { subtask: "count the words in 'salt, pepper and then oil'", depends_on: [] },
      { subtask: 'search for cats and dogs', depends_on: [] },
    ]);
  });
});
