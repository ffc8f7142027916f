// The active theme for components that style themselves (the workflow canvas), set by the App shell.
import { createContext, useContext } from 'react';
import type { Theme } from './use-theme';

export const ThemeContext = createContext<Theme>('light');

export function useActiveTheme(): Theme {
  return useContext(ThemeContext);
}
