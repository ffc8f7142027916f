// What every CLI command receives: a way to open the configured riptide components, built once per
// process from the environment and the global flags, and closed when the command ends.
import { type ConfigOverrides, loadConfig, type RiptideConfig } from '../config/config.js';
import type { Riptide } from '../riptide-types.js';

export interface CliContext {
  /** The configuration (environment + global flags), parsed once. */
  config(): RiptideConfig;
  /** Builds the components on first use; later calls return the same instance. */
  open(): Promise<Riptide>;
  /** Closes whatever open() built. */
  close(): Promise<void>;
}

export function createCliContext(
  getOverrides: () => ConfigOverrides,
  build: (config: RiptideConfig) => Promise<Riptide>,
  env: Record<string, string | undefined> = process.env,
): CliContext {
  let config: RiptideConfig | undefined;
  let riptide: Promise<Riptide> | undefined;
  return {
    config() {
      config ??= loadConfig(env, getOverrides());
      return config;
    },
    open() {
      riptide ??= build(this.config());
      return riptide;
    },
    async close() {
      if (riptide) await (await riptide).close();
      riptide = undefined;
    },
  };
}
