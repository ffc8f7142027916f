// `riptide workflow validate|save|list|show|delete|run`: workflows (a DAG of role-assigned steps) from
// JSON/YAML files or saved names, through the same workflow service the HTTP routes use.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../errors/riptide-error.js';
import type { RunResult } from '../../spec/run-result.js';
import type { CliContext } from '../cli-context.js';

interface RunFlags {
  offline?: boolean;
  json?: boolean;
  tenant: string;
  memory: boolean;
  guardrails: boolean;
  critic?: boolean;
  supervisor?: boolean;
}

const print = (text: string) => process.stdout.write(`${text}\n`);

/** The file's contents through the workflow reader (YAML and JSON), loaded when a command needs it. */
async function readWorkflowFile(file: string): Promise<unknown> {
  return (await import('../../workflows/read-workflow-file.js')).readWorkflowFile(file);
}

export function registerWorkflowCommand(program: Command, context: CliContext): void {
  const workflow = program
    .command('workflow')
    .description('validate, save, list and run workflows: a DAG of role-assigned steps run as parallel waves');

  workflow
    .command('validate <file>')
    .description('check a workflow spec file (JSON or YAML) and list every problem')
    .option('--json', 'print {"valid", "problems"} as JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const [{ findWorkflowProblems }, { staticPlanWaves, workflowToStaticPlan }] = await Promise.all([
        import('../../workflows/validate-workflow.js'),
        import('../../workflows/workflow-to-static-plan.js'),
      ]);
      const input = await readWorkflowFile(file);
      const { roles } = await context.open();
      const { spec, problems } = findWorkflowProblems(input, roles);
      if (flags.json) print(JSON.stringify({ valid: problems.length === 0, problems }, null, 2));
      else if (problems.length > 0) {
        process.stderr.write(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
        for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
      } else if (spec) {
        const waves = staticPlanWaves(workflowToStaticPlan(spec));
        print(
          `${file}: valid workflow '${spec.name}' — ${spec.nodes.length} nodes, ${spec.edges.length} edges, ${waves.length} waves`,
        );
        for (const [index, wave] of waves.entries()) print(`  wave ${index + 1}: ${wave.join(', ')}`);
      }
      if (problems.length > 0) process.exitCode = 1;
    });

  workflow
    .command('save <file>')
    .description('validate a workflow spec file and save it under its name (replacing one with that name)')
    .action(async (file: string) => {
      const input = await readWorkflowFile(file);
      const spec = await (await context.open()).workflows.save(input);
      print(`saved workflow '${spec.name}' (${spec.nodes.length} nodes, ${spec.edges.length} edges)`);
    });

  workflow
    .command('list')
    .description('the saved workflow names')
    .option('--json', 'print the names as a JSON array')
    .action(async (flags: { json?: boolean }) => {
      const names = await (await context.open()).workflows.list();
      if (flags.json) print(JSON.stringify(names));
      else if (names.length === 0) print('no saved workflows (save one with `riptide workflow save <file>`)');
      else for (const name of names) print(name);
    });

  workflow
    .command('show <name>')
    .description('print a saved workflow spec as JSON')
    .action(async (name: string) => {
      print(JSON.stringify(await (await context.open()).workflows.get(name), null, 2));
    });

  workflow
    .command('delete <name>')
    .description('delete a saved workflow')
    .action(async (name: string) => {
      await (await context.open()).workflows.delete(name);
      print(`deleted workflow '${name}'`);
    });

  workflow
    .command('run <fileOrName>')
    .description('run a workflow from a spec file, or a saved one by name')
    .option('--offline', 'use the built-in deterministic offline model')
    .option('--json', 'print the RunResult as JSON')
    .option('--tenant <id>', 'whose memory, costs and budget', 'default')
    .option('--no-memory', 'do not recall lessons before or reflect after')
    .option('--no-guardrails', 'turn the input/output guardrails off')
    .option('--critic', 'verify each step result before finalize')
    .option('--supervisor', 're-plan corrective steps for failed verdicts (implies --critic)')
    .action(async (target: string, flags: RunFlags) => {
      const source = existsSync(target) ? { spec: await readWorkflowFile(target) } : { name: target };
      const service = (await context.open()).workflows;
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await service.run(
          {
            ...source,
            tenant_id: flags.tenant,
            offline: Boolean(flags.offline),
            memory: flags.memory,
            guardrails: flags.guardrails,
            critic: Boolean(flags.critic),
            supervisor: Boolean(flags.supervisor),
          },
          { signal: controller.signal },
        );
        if (flags.json) print(JSON.stringify(result, null, 2));
        else printResult(result);
        if (result.status === 'failed') process.exitCode = 1;
      } catch (error) {
        if (error instanceof ValidationError && error.problems.length > 1) {
          process.stderr.write(`invalid workflow: ${error.problems.length} problems\n`);
          for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}

function printResult(result: RunResult): void {
  print(result.final_answer);
  print('');
  print(`mode: ${result.mode}${result.blocked ? ' (blocked)' : ''} · status: ${result.status}`);
  result.results.forEach((step, index) => {
    const tools = step.tool_calls.map((call) => `${call.name}${call.valid ? '' : ' (invalid)'}`).join(', ');
    print(`  ${index + 1}. [${step.role}] ${step.subtask}${tools ? ` — tools: ${tools}` : ''}`);
  });
  const { usage, cost_usd, latency_ms } = result.metrics;
  print(`tokens: ${usage.total_tokens} · cost: $${cost_usd.toFixed(6)} · latency: ${Math.round(latency_ms)} ms`);
}
