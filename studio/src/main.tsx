// Entry point: applies the saved theme before the first paint, then mounts the Studio.
import './styles/app.css';
import './styles/run-views.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AuthGate } from './app/auth-gate';
import { applyTheme, initialTheme } from './app/use-theme';

applyTheme(initialTheme());

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');

createRoot(container).render(
  <StrictMode>
    <AuthGate>
      <App />
    </AuthGate>
  </StrictMode>,
);
