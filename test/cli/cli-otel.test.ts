// `riptide run` exporting its trace: with OTEL_EXPORTER_OTLP_ENDPOINT set (the standard variable),
// the CLI process exports the run's spans to a loopback OTLP/HTTP receiver before it exits; without
// it, not one module of the OpenTelemetry SDK is loaded (checked with a module-load hook in the child process).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../../src/telemetry/test-support/otlp-receiver.js';
import { CLI_ENTRY_ARGS, REPO_ROOT } from '../../src/test-support/cli-entry.js';

const execFileAsync = promisify(execFile);
const PROCESS_TIMEOUT_MS = 240_000;

// Registers a loader hook in the child that appends every module URL it loads to $MODULE_LOG.
const MODULE_LOG_HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, url + '\\\\n');
  return next(url, context);
}\`));
`)}`;

describe('riptide run with OpenTelemetry', { timeout: PROCESS_TIMEOUT_MS * 2 }, () => {
  let receiver: OtlpReceiver;
  let dir: string;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-otel-cli-'));
  });
  afterAll(async () => {
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (env: Record<string, string>, log: string) => {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', MODULE_LOG_HOOK, ...CLI_ENTRY_ARGS, 'run', 'compute 21 * 2', '--offline', '--json', '--no-memory'],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: os.homedir(),
          RIPTIDE_DATA_DIR: path.join(dir, 'data'),
          MODULE_LOG: log,
          ...env,
        },
        timeout: PROCESS_TIMEOUT_MS,
      },
    );
    return {
      result: JSON.parse(stdout) as { thread_id: string; final_answer: string },
      modules: fs.readFileSync(log, 'utf8'),
    };
  };

  it('loads no OpenTelemetry SDK module when no OTLP endpoint is set', async () => {
    const { result, modules } = await run({}, path.join(dir, 'modules-off.log'));
    expect(result.final_answer).toContain('42');
    expect(modules).toContain('/riptide');
    // @opentelemetry/api is the AI SDK's own dependency (its telemetry hooks); none of the SDK is loaded.
    const sdkModules = modules.split('\n').filter((url) => /@opentelemetry\/(?!api\/)/.test(url));
    expect(sdkModules).toEqual([]);
    expect(receiver.spans).toHaveLength(0);
  });

  it('exports the run, its nodes, model calls and the calculator call before exiting', async () => {
    const { result, modules } = await run(
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'riptide-cli-test' },
      path.join(dir, 'modules-on.log'),
    );
    expect(modules).toContain('@opentelemetry/exporter-trace-otlp-http');
    // The process has exited: everything it exported is already here.
    const spans = receiver.spans;
    const runSpan = spans.find((span) => span.name === 'invoke_agent riptide');
    expect(runSpan?.attributes['gen_ai.conversation.id']).toBe(result.thread_id);
    expect(runSpan?.parentSpanId).toBeUndefined();
    expect(runSpan?.resource['service.name']).toBe('riptide-cli-test');
    const inRun = spans.filter((span) => span.traceId === runSpan?.traceId);
    expect(inRun.filter((span) => span.name.startsWith('riptide.node ')).length).toBeGreaterThanOrEqual(3);
    expect(inRun.filter((span) => span.name.startsWith('chat ')).length).toBeGreaterThanOrEqual(2);
    expect(inRun.find((span) => span.name === 'execute_tool calculator')?.attributes['gen_ai.tool.name']).toBe(
      'calculator',
    );
  });
});
