// Who the Studio acts as (from /api/whoami), handed to the shell and the views through React context.
import { createContext, useContext } from 'react';
import type { Whoami } from '../api/types';

export interface Identity {
  whoami: Whoami;
  /** Forgets the key kept in this browser tab and asks for another. */
  signOut(): void;
}

export const IdentityContext = createContext<Identity | null>(null);

export function useIdentity(): Identity | null {
  return useContext(IdentityContext);
}
