// The one place that chooses where LangGraph checkpoints of interactive runs live, bound to the
// store's backend: PostgreSQL beside a PostgreSQL store (so any server process can resume any run),
// else a SQLite file beside the embedded database.
import path from 'node:path';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import type { RiptideConfig } from './config/config.js';
import type { RunServiceOptions } from './core/create-run-service.js';

export type Checkpointer = RunServiceOptions['checkpointer'];

export async function createCheckpointer(config: RiptideConfig): Promise<Checkpointer> {
  if (config.databaseUrl) {
    const saver = PostgresSaver.fromConnString(config.databaseUrl);
    await saver.setup();
    return { saver, close: () => saver.end() };
  }
  // Opened on first use: only interactive runs checkpoint, so most processes never touch the file.
  let sqlite: SqliteSaver | undefined;
  const open = () => {
    sqlite ??= SqliteSaver.fromConnString(path.join(config.dataDir, 'checkpoints.sqlite'));
    return sqlite;
  };
  return {
    get saver() {
      return open();
    },
    close: async () => {
      sqlite?.db.close();
      sqlite = undefined;
    },
  };
}
