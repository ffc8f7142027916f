// Client-side routing over the History API: the current path and search, and a navigate function.
import { createContext, useContext } from 'react';

export interface Router {
  path: string;
  search: URLSearchParams;
  navigate(to: string, options?: { replace?: boolean }): void;
}

export const RouterContext = createContext<Router | null>(null);

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter must be used inside <RouterContext.Provider>');
  return router;
}
