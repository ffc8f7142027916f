// Decides what the Studio shows first: asks /api/whoami, and when the server wants a key and has
// none (or refused it) shows the key prompt; otherwise the app, with the identity in context and an
// API client that sends the key and acts as the key's tenant.
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Whoami } from '../api/types';
import { KeyPrompt } from '../components/key-prompt';
import { ApiContext } from './api-context';
import { IdentityContext } from './identity-context';

const STORAGE_KEY = 'riptide.apiKey';

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeKey(key: string | null): void {
  try {
    if (key === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage disabled: the key lives as long as the page.
  }
}

type GateState = { kind: 'checking' } | { kind: 'prompt'; problem: string | null } | { kind: 'ready'; whoami: Whoami };

export function AuthGate({ children }: { children: ReactNode }) {
  const key = useRef<string | null>(storedKey());
  const tenant = useRef<string | null>(null);
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  const api = useMemo(
    () =>
      createApiClient('', {
        key: () => key.current,
        tenant: () => tenant.current,
        onUnauthorized: () => {
          storeKey(null);
          key.current = null;
          tenant.current = null;
          setState({ kind: 'prompt', problem: 'The server no longer accepts this key.' });
        },
      }),
    [],
  );

  const check = useCallback(async () => {
    const tried = key.current;
    try {
      const whoami = await api.whoami();
      tenant.current = whoami.admin ? null : whoami.tenant_id;
      setState({ kind: 'ready', whoami });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setState({ kind: 'prompt', problem: tried ? 'That key was not accepted.' : null });
        return;
      }
      // The server is unreachable or old: show the app, whose views report their own errors.
      setState({ kind: 'ready', whoami: { auth: 'off', key_id: null, tenant_id: null, admin: true } });
    }
  }, [api]);

  useEffect(() => {
    void check();
  }, [check]);

  const identity = useMemo(
    () =>
      state.kind === 'ready'
        ? {
            whoami: state.whoami,
            signOut: () => {
              storeKey(null);
              key.current = null;
              tenant.current = null;
              setState({ kind: 'prompt', problem: null });
            },
          }
        : null,
    [state],
  );

  if (state.kind === 'checking') return null;
  if (state.kind === 'prompt') {
    return (
      <KeyPrompt
        problem={state.problem}
        onSubmit={(entered) => {
          key.current = entered;
          storeKey(entered);
          setState({ kind: 'checking' });
          void check();
        }}
      />
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <IdentityContext.Provider value={identity}>{children}</IdentityContext.Provider>
    </ApiContext.Provider>
  );
}
