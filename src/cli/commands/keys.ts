// `riptide keys create|list|revoke`: API keys for `riptide serve`, managed straight in the store (so
// the first admin key can be made before any server runs). A new key is printed once.
import type { Command } from 'commander';
import { RiptideError } from '../../errors/riptide-error.js';
import type { ApiKeyView } from '../../spec/api-key.js';
import type { CliContext } from '../cli-context.js';

async function parseTenant(value: string): Promise<string> {
  const { isIdentifier } = await import('../../spec/identifier.js');
  if (!isIdentifier(value)) {
    throw new RiptideError('validation_error', `--tenant: '${value}' must be 1–128 characters of A-Za-z0-9._-`);
  }
  return value;
}

function formatKeys(keys: ApiKeyView[]): string {
  if (keys.length === 0) return 'No API keys. Create one with `riptide keys create --tenant <id> [--admin]`.\n';
  const rows = keys.map((key) =>
    [
      key.key_id,
      key.tenant_id,
      key.admin ? 'admin' : 'tenant',
      key.revoked_at ? `revoked ${key.revoked_at}` : 'active',
      key.created_at,
      key.name,
    ].join('  '),
  );
  return `${['key id            tenant  role  status  created  name', ...rows].join('\n')}\n`;
}

export function registerKeysCommand(program: Command, context: CliContext): void {
  const keys = program.command('keys').description('manage API keys for riptide serve');

  keys
    .command('create')
    .description('create an API key (printed once; only its hash is stored)')
    .option('--tenant <id>', 'the tenant the key acts as', 'default')
    .option('--admin', 'an admin key: any tenant, plus connections, MCP and keys')
    .option('--name <label>', 'a label for people', '')
    .option('--json', 'print JSON')
    .action(async (options: { tenant: string; admin?: boolean; name: string; json?: boolean }) => {
      const riptide = await context.open();
      const created = await riptide.keys.create({
        tenant_id: await parseTenant(options.tenant),
        admin: options.admin === true,
        name: options.name,
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${created.key}\n` +
          `key id ${created.key_id}, tenant ${created.tenant_id}, ${created.admin ? 'admin' : 'tenant'} key. ` +
          'Store it now: it is not shown again. Send it as `Authorization: Bearer <key>`.\n',
      );
    });

  keys
    .command('list')
    .description('list API keys (ids, tenants, roles; never secrets)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const riptide = await context.open();
      const listed = await riptide.keys.list();
      process.stdout.write(options.json ? `${JSON.stringify(listed, null, 2)}\n` : formatKeys(listed));
    });

  keys
    .command('revoke')
    .description('revoke an API key by its id (takes effect at once on every server sharing the database)')
    .argument('<key-id>', 'the 16 hex digits after rt_ (see `riptide keys list`)')
    .action(async (keyId: string) => {
      const riptide = await context.open();
      const revoked = await riptide.keys.revoke(keyId);
      process.stdout.write(`revoked ${revoked.key_id} (tenant ${revoked.tenant_id})\n`);
    });
}
