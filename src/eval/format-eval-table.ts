// Renders an EvalReport as a plain-text table plus a summary, for the terminal and CI logs.
import type { EvalReport } from '../spec/eval-report.js';

export function formatEvalTable(report: EvalReport): string {
  const header = ['task', 'result', 'mode', 'tools ok', 'tokens', 'latency', 'notes'];
  const rows = report.results.map((result) => [
    result.task_id,
    result.passed ? 'PASS' : 'FAIL',
    result.mode,
    `${Math.round(result.tool_valid_rate * 100)}%`,
    String(result.total_tokens),
    `${Math.round(result.latency_ms)} ms`,
    result.notes.join('; '),
  ]);
  const widths = header.map((title, column) =>
    // The notes column is last and left unpadded, so long notes do not widen every row.
    column === header.length - 1 ? 0 : Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const modes = Object.entries(report.modes)
    .map(([mode, count]) => `${mode} ${count}`)
    .join(', ');
  return [
    line(header),
    line(widths.map((width, column) => '-'.repeat(width || header[column].length))),
    ...rows.map(line),
    '',
    `passed ${report.n_passed}/${report.n_total} (${(report.pass_rate * 100).toFixed(1)}%) · modes: ${modes || 'none'} · blocked: ${report.blocked}` +
      ` · learning recall: ${report.learning_recall === null ? 'n/a' : `${Math.round(report.learning_recall * 100)}%`}` +
      ` · tokens: ${report.total_tokens}`,
  ].join('\n');
}
