// Typed configuration, parsed once from RIPTIDE_* environment variables (plus the providers' usual
// OPENAI_API_KEY / ANTHROPIC_API_KEY) and CLI flag overrides. A bad value stops start-up with a
// message naming the variable.
import path from 'node:path';
import { z } from 'zod';
import { RiptideError } from '../errors/riptide-error.js';
import { PROVIDERS, type ProviderName } from '../spec/connection.js';

export { PROVIDERS, type ProviderName } from '../spec/connection.js';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const jsonValue = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        context.addIssue({ code: 'custom', message: `is not valid JSON (${(error as Error).message})` });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const modelPriceSchema = z.object({
  input_per_mtok: z.number().min(0),
  output_per_mtok: z.number().min(0),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

export const mcpServerConfigSchema = z.union([
  z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_]{0,32}$/)
      .optional(),
    description: z.string().default(''),
  }),
  z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    url: z.string().url(),
    headers: z.record(z.string(), z.string()).default({}),
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_]{0,32}$/)
      .optional(),
    description: z.string().default(''),
  }),
]);
export type McpServerConfig = z.infer<typeof mcpServerConfigSchema>;

/** Each entry: the environment variable, its schema, and where it lands in the config. */
const envSchema = z.object({
  RIPTIDE_DATA_DIR: z.string().min(1).default('./.riptide'),
  RIPTIDE_HOST: z.string().min(1).default('127.0.0.1'),
  RIPTIDE_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  RIPTIDE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RIPTIDE_PROVIDER: z.enum(PROVIDERS).optional(),
  RIPTIDE_MODEL: z.string().min(1).optional(),
  RIPTIDE_PLANNER_MODEL: z.string().min(1).optional(),
  RIPTIDE_WORKER_MODEL: z.string().min(1).optional(),
  RIPTIDE_API_BASE: z.string().url().optional(),
  RIPTIDE_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  RIPTIDE_EMBEDDING_MODEL: z.string().min(1).optional(),
  RIPTIDE_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  RIPTIDE_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  RIPTIDE_MODEL_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(1).max(1_000_000).default(4096),
  RIPTIDE_MODEL_PRICES: jsonValue(z.record(z.string(), modelPriceSchema)).optional(),
  RIPTIDE_DEFAULT_PRICE: jsonValue(modelPriceSchema).optional(),
  RIPTIDE_TOOL_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(10_000),
  RIPTIDE_TOOLS_TOP_K: z.coerce.number().int().min(1).max(50).default(4),
  RIPTIDE_SUPERVISOR_MAX_ROUNDS: z.coerce.number().int().min(1).max(10).default(2),
  RIPTIDE_RUN_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  RIPTIDE_HISTORY_MAX_TOKENS: z.coerce.number().int().min(0).max(1_000_000).default(4_000),
  RIPTIDE_TENANT_BUDGET_USD: z.coerce.number().min(0).optional(),
  RIPTIDE_TENANT_BUDGETS: jsonValue(z.record(z.string(), z.number().min(0))).optional(),
  RIPTIDE_ENABLE_NETWORK: booleanFlag.default(false),
  RIPTIDE_NETWORK_ALLOW_HOSTS: z.string().default(''),
  RIPTIDE_SEARXNG_URL: z.string().url().optional(),
  RIPTIDE_ENABLE_MCP_CONNECT: booleanFlag.default(false),
  RIPTIDE_MCP_SERVERS: jsonValue(z.array(mcpServerConfigSchema)).optional(),
  RIPTIDE_DATABASE_URL: z.string().min(1).optional(),
  RIPTIDE_AUTH: z.enum(['required', 'off']).optional(),
  RIPTIDE_ALLOWED_HOSTS: z.string().default(''),
  RIPTIDE_CORS_ORIGINS: z.string().default(''),
  RIPTIDE_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
  RIPTIDE_MAX_CONCURRENT_RUNS: z.coerce.number().int().min(1).max(100_000).default(32),
  RIPTIDE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  RIPTIDE_GUARD_MODEL_JUDGE: booleanFlag.default(false),
  RIPTIDE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  RIPTIDE_WEBHOOK_ALLOW_HOSTS: z.string().default(''),
});

const commaList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `https://app.example.com` → itself; anything that is not a bare origin is a configuration error. */
function parseOrigins(text: string): string[] {
  return commaList(text).map((item) => {
    let origin: string;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== item.replace(/\/$/, '')) {
      throw new RiptideError(
        'config_error',
        `invalid configuration — RIPTIDE_CORS_ORIGINS: '${item}' is not an origin like https://app.example.com`,
      );
    }
    return origin;
  });
}

export interface RiptideConfig {
  dataDir: string;
  workspaceDir: string;
  databaseFile: string;
  /** postgres://… when PostgreSQL is used instead of the embedded SQLite file. */
  databaseUrl: string | null;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  model: {
    provider: ProviderName;
    /** The default model; planner and worker fall back to it. */
    model: string;
    plannerModel: string;
    workerModel: string;
    apiBase: string | null;
    /** Held in memory only; never logged, persisted or echoed. */
    apiKey: string | null;
    embeddingModel: string | null;
    timeoutMs: number;
    maxRetries: number;
    /**
     * Output cap of a call under a tenant budget when the run sets no max_tokens: bounds the
     * worst-case cost reserved before the call (and is sent to the provider as its limit).
     */
    maxOutputTokens: number;
    priceOverrides: Record<string, ModelPrice>;
    defaultPrice: ModelPrice;
  };
  tools: {
    timeoutMs: number;
    topK: number;
    enableNetwork: boolean;
    /** Hosts (or host:port) that http_get may reach even though they are loopback/private. */
    networkAllowHosts: string[];
    searxngUrl: string | null;
  };
  graph: { supervisorMaxRounds: number; historyMaxTokens: number };
  /** How long a run's lease lasts without renewal before another process may take the run over. */
  runs: { leaseMs: number };
  budgets: { defaultUsd: number | null; perTenantUsd: Record<string, number> };
  mcp: { enableConnect: boolean; servers: McpServerConfig[] };
  security: {
    /** RIPTIDE_AUTH; null means "required when bound beyond loopback or once a key exists". */
    auth: 'required' | 'off' | null;
    /** Host names (besides loopback) the server answers to; a leading dot allows subdomains. */
    allowedHosts: string[];
    /** Origins allowed to call the API from a browser (CORS), besides the server's own. */
    corsOrigins: string[];
    /** Requests per minute per key (per client address with auth off). */
    rateLimitPerMinute: number;
    /** Runs in flight per tenant. */
    maxConcurrentRuns: number;
    /** Shared counters for every replica when set. */
    redisUrl: string | null;
  };
  /** An extra model-judge guardrail after the local detectors (off: it costs a model call per check). */
  guardrails: { modelJudge: boolean };
  /** Background-run webhooks: the HMAC-SHA256 signing secret, and loopback/private hosts they may reach. */
  webhooks: { secret: string | null; allowHosts: string[] };
}

/** Overrides from CLI flags; they win over the environment. */
export interface ConfigOverrides {
  dataDir?: string;
  host?: string;
  port?: number;
  provider?: ProviderName;
  model?: string;
  logLevel?: RiptideConfig['logLevel'];
}

/** The documented price for models the pricing dataset does not know: $1 / $3 per million tokens. */
export const DEFAULT_UNKNOWN_MODEL_PRICE: ModelPrice = { input_per_mtok: 1, output_per_mtok: 3 };

const DEFAULT_MODEL: Record<ProviderName, string> = {
  offline: 'riptide-offline',
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  custom: 'llama3.1',
};

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: ConfigOverrides = {},
): RiptideConfig {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      const rest = issue.path.slice(1).join('.');
      return `${variable}${rest ? ` (${rest})` : ''}: ${issue.message}`;
    });
    throw new RiptideError('config_error', `invalid configuration — ${problems.join('; ')}`, {
      details: problems,
    });
  }
  const e = parsed.data;
  const provider: ProviderName =
    overrides.provider ??
    e.RIPTIDE_PROVIDER ??
    (e.RIPTIDE_API_BASE ? 'custom' : e.OPENAI_API_KEY ? 'openai' : e.ANTHROPIC_API_KEY ? 'anthropic' : 'offline');
  if (provider === 'custom' && !e.RIPTIDE_API_BASE) {
    throw new RiptideError(
      'config_error',
      'invalid configuration — RIPTIDE_API_BASE: required when RIPTIDE_PROVIDER=custom',
    );
  }
  const apiKey =
    provider === 'openai'
      ? (e.RIPTIDE_API_KEY ?? e.OPENAI_API_KEY ?? null)
      : provider === 'anthropic'
        ? (e.RIPTIDE_API_KEY ?? e.ANTHROPIC_API_KEY ?? null)
        : provider === 'custom'
          ? (e.RIPTIDE_API_KEY ?? null)
          : null;
  const model = overrides.model ?? e.RIPTIDE_MODEL ?? DEFAULT_MODEL[provider];
  const dataDir = path.resolve(overrides.dataDir ?? e.RIPTIDE_DATA_DIR);
  return {
    dataDir,
    workspaceDir: path.join(dataDir, 'workspace'),
    databaseFile: path.join(dataDir, 'riptide.sqlite'),
    databaseUrl: e.RIPTIDE_DATABASE_URL ?? null,
    host: overrides.host ?? e.RIPTIDE_HOST,
    port: overrides.port ?? e.RIPTIDE_PORT,
    logLevel: overrides.logLevel ?? e.RIPTIDE_LOG_LEVEL,
    model: {
      provider,
      model,
      plannerModel: e.RIPTIDE_PLANNER_MODEL ?? model,
      workerModel: e.RIPTIDE_WORKER_MODEL ?? model,
      apiBase: e.RIPTIDE_API_BASE ?? (provider === 'openai' ? (e.OPENAI_BASE_URL ?? null) : null),
      apiKey,
      embeddingModel: e.RIPTIDE_EMBEDDING_MODEL ?? null,
      timeoutMs: e.RIPTIDE_MODEL_TIMEOUT_MS,
      maxRetries: e.RIPTIDE_MODEL_MAX_RETRIES,
      maxOutputTokens: e.RIPTIDE_MODEL_MAX_OUTPUT_TOKENS,
      priceOverrides: e.RIPTIDE_MODEL_PRICES ?? {},
      defaultPrice: e.RIPTIDE_DEFAULT_PRICE ?? DEFAULT_UNKNOWN_MODEL_PRICE,
    },
    tools: {
      timeoutMs: e.RIPTIDE_TOOL_TIMEOUT_MS,
      topK: e.RIPTIDE_TOOLS_TOP_K,
      enableNetwork: e.RIPTIDE_ENABLE_NETWORK,
      networkAllowHosts: e.RIPTIDE_NETWORK_ALLOW_HOSTS.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      searxngUrl: e.RIPTIDE_SEARXNG_URL ?? null,
    },
    runs: { leaseMs: e.RIPTIDE_RUN_LEASE_MS },
    graph: {
      supervisorMaxRounds: e.RIPTIDE_SUPERVISOR_MAX_ROUNDS,
      historyMaxTokens: e.RIPTIDE_HISTORY_MAX_TOKENS,
    },
    budgets: {
      defaultUsd: e.RIPTIDE_TENANT_BUDGET_USD ?? null,
      perTenantUsd: e.RIPTIDE_TENANT_BUDGETS ?? {},
    },
    mcp: { enableConnect: e.RIPTIDE_ENABLE_MCP_CONNECT, servers: e.RIPTIDE_MCP_SERVERS ?? [] },
    security: {
      auth: e.RIPTIDE_AUTH ?? null,
      allowedHosts: commaList(e.RIPTIDE_ALLOWED_HOSTS).map((host) => host.toLowerCase()),
      corsOrigins: parseOrigins(e.RIPTIDE_CORS_ORIGINS),
      rateLimitPerMinute: e.RIPTIDE_RATE_LIMIT,
      maxConcurrentRuns: e.RIPTIDE_MAX_CONCURRENT_RUNS,
      redisUrl: e.RIPTIDE_REDIS_URL ?? null,
    },
    guardrails: { modelJudge: e.RIPTIDE_GUARD_MODEL_JUDGE },
    webhooks: { secret: e.RIPTIDE_WEBHOOK_SECRET ?? null, allowHosts: commaList(e.RIPTIDE_WEBHOOK_ALLOW_HOSTS) },
  };
}
