// One riptide process of the crash drill (bench/crash-drill/crash-drill.ts starts and SIGKILLs it):
// interactive runs whose only tool is a side effect that appends one line per execution to a log
// file, so the drill can count how often each approved side effect really happened.
//   work    keep starting interactive runs, approving (resuming) most of them, until killed
//   recover take over stranded runs once, wait for them, print a JSON summary, exit
// Usage: tsx drill-process.ts <work|recover> <data dir> [postgres url] [owner]
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createRiptide } from '../../src/riptide.js';
import { isPending } from '../../src/spec/run-result.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';
import type { ToolSpec } from '../../src/tools/tool-spec.js';

const [mode, dataDir, databaseUrl, owner] = process.argv.slice(2);
const effectsLog = path.join(dataDir, 'effects.log');
const LEASE_MS = 1_500;

const marker: ToolSpec = {
  name: 'append_marker',
  version: '1.0.0',
  description: 'Appends a marker line to the drill log',
  category: 'files',
  tags: ['append', 'marker', 'log'],
  side_effecting: true,
  // Acts at most once per idempotency key (kept on the marker's line), so a call the crash left
  // uncertain is run again safely.
  idempotent: true,
  json_schema: {
    type: 'object',
    properties: { marker: { type: 'string', description: 'The marker to append' } },
    required: ['marker'],
    additionalProperties: false,
  },
  handler: ({ marker: value }: { marker: string }, context) => {
    const key = context.idempotencyKey ?? '-';
    const done =
      fs.existsSync(effectsLog) && fs.readFileSync(effectsLog, 'utf8').split('\n').includes(`${value} ${key}`);
    // Synchronous and appended in one write: once it returns, the line is in the file.
    if (!done) fs.appendFileSync(effectsLog, `${value} ${key}\n`);
    return `appended ${value}`;
  },
};

// The worker asks for the marker tool with the marker named in its subtask; model calls take a
// little while, so a kill lands anywhere in a run.
const model = new MockLanguageModel({
  latencyMs: 15,
  byPurpose: {
    plan: (call) =>
      JSON.stringify({ subtasks: [{ subtask: /append (\S+)/.exec(call.prompt)?.[0] ?? 'append m', depends_on: [] }] }),
    worker: (call) =>
      call.toolResults.length > 0
        ? 'done'
        : {
            toolCalls: [
              {
                id: 'call-1',
                name: 'append_marker',
                arguments: { marker: /append (\S+)/.exec(call.prompt)?.[1] ?? 'm' },
              },
            ],
          },
    finalize: 'Appended the marker.',
  },
});

const riptide = await createRiptide(
  loadConfig({
    RIPTIDE_DATA_DIR: dataDir,
    RIPTIDE_LOG_LEVEL: 'silent',
    ...(databaseUrl && databaseUrl !== '-' ? { RIPTIDE_DATABASE_URL: databaseUrl } : {}),
  }),
  {
    languageModel: model,
    extraTools: [marker],
    runService: { leaseMs: LEASE_MS, ...(owner ? { owner } : {}) },
  },
);

if (mode === 'work') {
  // Stranded runs of a killed peer are taken over here too (the PostgreSQL drill's survivor).
  riptide.runs.startRecovery();
  let next = 0;
  const one = async () => {
    const id = `${process.pid}-${next++}`;
    const outcome = await riptide.runs.runInteractive({ task: `append ${id}`, memory: false, guardrails: false });
    // Most runs are approved; some stay pending (a final state too).
    if (isPending(outcome) && next % 5 !== 0) {
      await riptide.runs.resume(outcome.thread_id, { approved: true, answer: null });
      process.stdout.write('resumed\n'); // progress, so the drill kills somewhere in the work
    }
  };
  const lanes = Array.from({ length: 4 }, async () => {
    for (;;) await one().catch(() => undefined);
  });
  process.stdout.write('ready\n');
  await Promise.all(lanes);
} else {
  // Leases of the killed process must expire before they can be taken over.
  await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 200));
  const taken = await riptide.runs.recoverStranded();
  await riptide.runs.settled();
  const runs = await riptide.store.listRuns({ limit: 1_000 });
  const byStatus: Record<string, number> = {};
  for (const run of runs) byStatus[run.status] = (byStatus[run.status] ?? 0) + 1;
  const completed = runs.filter((run) => run.status === 'completed').map((run) => run.thread_id);
  const markers: Record<string, string> = {};
  for (const threadId of completed) {
    const record = await riptide.store.getRun(threadId);
    markers[threadId] = record?.task.replace(/^append /, '') ?? '';
  }
  const pending = runs.filter((run) => run.status === 'pending').map((run) => run.thread_id);
  const pendingMarkers: string[] = [];
  for (const threadId of pending) {
    const record = await riptide.store.getRun(threadId);
    pendingMarkers.push(record?.task.replace(/^append /, '') ?? '');
  }
  process.stdout.write(
    `${JSON.stringify({ taken: taken.length, byStatus, completedMarkers: Object.values(markers), pendingMarkers })}\n`,
  );
  await riptide.close();
}
