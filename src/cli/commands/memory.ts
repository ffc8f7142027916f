// `riptide memory list|search|clear --tenant T`: inspect and reset a tenant's learnt lessons.
import type { Command } from 'commander';
import { ValidationError } from '../../errors/riptide-error.js';
import type { Lesson } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { integerArgument } from '../number-arguments.js';

interface MemoryOptions {
  tenant: string;
  json?: boolean;
  limit?: number;
}

async function tenantOf(options: MemoryOptions): Promise<string> {
  const { isIdentifier } = await import('../../spec/identifier.js');
  if (!isIdentifier(options.tenant)) {
    throw new ValidationError(['--tenant: must be 1–128 characters of A-Za-z0-9._- and not start with "."']);
  }
  return options.tenant;
}

const limitOf = (options: MemoryOptions, fallback: number) =>
  Number.isFinite(options.limit) && (options.limit as number) > 0 ? (options.limit as number) : fallback;

/** What the CLI shows of a lesson (no embedding vectors). */
const summary = (lesson: Lesson) => ({
  id: lesson.id,
  text: lesson.text,
  tags: lesson.tags,
  success: lesson.success,
  uses: lesson.uses,
  task: lesson.task,
  updated_at: lesson.updated_at,
});

function printLessons(lessons: Lesson[], options: MemoryOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(lessons.map(summary), null, 2)}\n`);
    return;
  }
  if (lessons.length === 0) {
    process.stderr.write(`no lessons for tenant '${options.tenant}'\n`);
    return;
  }
  for (const lesson of lessons) {
    const outcome = lesson.success ? 'ok  ' : 'fail';
    const tags = lesson.tags.length ? `  [${lesson.tags.join(', ')}]` : '';
    process.stdout.write(
      `${lesson.id.slice(0, 8)}  ${outcome}  uses ${String(lesson.uses).padStart(3)}  ${lesson.text}${tags}\n`,
    );
  }
}

export function registerMemoryCommand(program: Command, context: CliContext): void {
  const memory = program.command('memory').description("inspect or clear a tenant's learnt lessons");
  const parseLimit = integerArgument(1, 100_000);

  memory
    .command('list')
    .description('lessons of a tenant, most recently updated first')
    .option('--tenant <tenant>', 'tenant id', 'default')
    .option('--limit <n>', 'how many lessons at most', parseLimit)
    .option('--json', 'print JSON')
    .action(async (options: MemoryOptions) => {
      const riptide = await context.open();
      printLessons(await riptide.memory.list(await tenantOf(options), limitOf(options, 100)), options);
    });

  memory
    .command('search')
    .description('hybrid (full-text + vector) search over a tenant’s lessons')
    .argument('<query>', 'what to look for')
    .option('--tenant <tenant>', 'tenant id', 'default')
    .option('--limit <n>', 'how many lessons at most', parseLimit)
    .option('--json', 'print JSON')
    .action(async (query: string, options: MemoryOptions) => {
      const riptide = await context.open();
      printLessons(await riptide.memory.search(await tenantOf(options), query, limitOf(options, 10)), options);
    });

  memory
    .command('clear')
    .description('delete every lesson of a tenant (other tenants are untouched)')
    .requiredOption('--tenant <tenant>', 'tenant id (required: clearing is not undoable)')
    .option('--json', 'print JSON')
    .action(async (options: MemoryOptions) => {
      const riptide = await context.open();
      const tenant = await tenantOf(options);
      const removed = await riptide.memory.clear(tenant);
      if (options.json) process.stdout.write(`${JSON.stringify({ tenant_id: tenant, removed })}\n`);
      else process.stdout.write(`removed ${removed} lesson${removed === 1 ? '' : 's'} of tenant '${tenant}'\n`);
    });
}
