// Hands the one API client to every view through React context (no module-level client instance).
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return client;
}
