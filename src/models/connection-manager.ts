// The runtime model connection (provider, model, key, base URL), held in memory only: set from
// config at start-up and changed through /api/connection. Only a masked view ever leaves it.
import type { ProviderName, RiptideConfig } from '../config/config.js';
import { RiptideError } from '../errors/riptide-error.js';
import type { ConnectionSettings, ConnectionView } from './model-gateway.js';
import { OFFLINE_MODEL_ID } from './offline/offline-language-model.js';

export interface ConnectionState extends ConnectionSettings {
  plannerModel: string;
  workerModel: string;
}

export interface ConnectionManager {
  current(): ConnectionState;
  /** Throws a validation_error when the custom provider would have no api_base. */
  set(settings: Partial<ConnectionSettings> & { provider: ProviderName }): ConnectionView;
  view(): ConnectionView;
  /** Whether the connection can serve calls itself (otherwise the offline model does). */
  isConfigured(): boolean;
}

const DEFAULT_MODEL: Record<ProviderName, string> = {
  offline: OFFLINE_MODEL_ID,
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  custom: 'llama3.1',
};

export function createConnectionManager(config: RiptideConfig['model']): ConnectionManager {
  let state: ConnectionState = {
    provider: config.provider,
    model: config.model,
    plannerModel: config.plannerModel,
    workerModel: config.workerModel,
    apiBase: config.apiBase,
    apiKey: config.apiKey,
  };

  const isConfigured = () => connectionIsConfigured(state);
  const view = (): ConnectionView => ({
    provider: state.provider,
    model: state.model,
    api_base: state.apiBase,
    key_set: state.apiKey !== null && state.apiKey !== '',
    key_masked: maskKey(state.apiKey),
    configured: isConfigured(),
  });

  return {
    current: () => state,
    view,
    isConfigured,
    set(settings) {
      const providerChanged = settings.provider !== state.provider;
      const model =
        settings.model?.trim() ||
        (providerChanged
          ? settings.provider === config.provider
            ? config.model
            : DEFAULT_MODEL[settings.provider]
          : state.model);
      const modelChanged = model !== state.model || providerChanged;
      const apiBase =
        settings.apiBase !== undefined ? settings.apiBase || null : providerChanged ? null : state.apiBase;
      if (settings.provider === 'custom' && !apiBase) {
        throw new RiptideError('validation_error', 'api_base: required for the custom provider', {
          details: ['api_base: required for the custom provider'],
        });
      }
      state = {
        provider: settings.provider,
        model,
        // Planner/worker models from config only apply to the configured model; a new model serves both.
        plannerModel: modelChanged ? model : state.plannerModel,
        workerModel: modelChanged ? model : state.workerModel,
        apiBase,
        // An omitted key keeps the current one (the API contract); an explicit null/"" clears it.
        apiKey: settings.apiKey !== undefined ? settings.apiKey || null : state.apiKey,
      };
      return view();
    },
  };
}

export function connectionIsConfigured(settings: ConnectionSettings): boolean {
  switch (settings.provider) {
    case 'offline':
      return true;
    case 'openai':
    case 'anthropic':
      return Boolean(settings.apiKey);
    case 'custom':
      return Boolean(settings.apiBase);
  }
}

/** At most the key's last 4 characters, behind a fixed-width mask; short keys show nothing. */
export function maskKey(key: string | null): string | null {
  if (!key) return null;
  const visible = key.length >= 12 ? key.slice(-4) : '';
  return `••••${visible}`;
}
