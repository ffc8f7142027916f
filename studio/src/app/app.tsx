// The Studio shell: skip link, header with the theme toggle, grouped left navigation, and the current view.
import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink } from '../components/nav-link';
import { Spinner } from '../components/spinner';
import { TenantBadge } from '../components/tenant-badge';
import { useIdentity } from './identity-context';
import { RouterContext } from './router-context';
import { DEFAULT_PATH, findRoute, visibleRouteGroups } from './routes';
import { ThemeContext } from './theme-context';
import { useHistoryRouter } from './use-history-router';
import { useTheme } from './use-theme';

export function App() {
  const router = useHistoryRouter();
  const { theme, toggleTheme } = useTheme();
  const mainRef = useRef<HTMLElement>(null);
  const identity = useIdentity();
  const groups = visibleRouteGroups(identity?.whoami.admin ?? true);
  const route = findRoute(router.path, groups);
  // On narrow screens the nav folds into a menu; following a link closes it again.
  const [menuOpen, setMenuOpen] = useState(false);
  const path = router.path;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the path changes.
  useEffect(() => setMenuOpen(false), [path]);

  useEffect(() => {
    if (router.path === '/' || router.path === '') router.navigate(DEFAULT_PATH, { replace: true });
  }, [router]);

  useEffect(() => {
    document.title = route ? `${route.title} · riptide Studio` : 'riptide Studio';
  }, [route]);

  const View = route?.component;
  return (
    <RouterContext.Provider value={router}>
      <ThemeContext.Provider value={theme}>
        <a className="skip-link" href="#main-content">
          Skip to content
        </a>
        <div className="shell">
          <header className="topbar">
            <button
              type="button"
              className="button ghost menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? 'Close menu' : 'Menu'}
            </button>
            <span className="brand">
              <span className="brand-mark" aria-hidden="true" />
              riptide <span className="brand-sub">Studio</span>
            </span>
            <TenantBadge />
            <button
              type="button"
              className="button ghost theme-toggle"
              onClick={toggleTheme}
              aria-pressed={theme === 'dark'}
            >
              {theme === 'dark' ? 'Dark theme: on' : 'Dark theme: off'}
            </button>
          </header>
          <nav id="main-nav" className={`sidenav${menuOpen ? ' open' : ''}`} aria-label="Main">
            {groups.map((group) => (
              <div className="nav-group" key={group.name}>
                <h2 className="nav-group-title" id={`nav-${group.name}`}>
                  {group.name}
                </h2>
                <ul aria-labelledby={`nav-${group.name}`}>
                  {group.routes.map((entry) => (
                    <li key={entry.path}>
                      <NavLink to={entry.path} current={route?.path === entry.path} className="nav-link">
                        {entry.title}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <main id="main-content" className="content" ref={mainRef} tabIndex={-1}>
            {View ? (
              // A view's code arrives on first visit; the spinner covers that fetch.
              <Suspense fallback={<Spinner label="Loading…" />}>
                <View key={route.path} />
              </Suspense>
            ) : router.path === '/' ? null : (
              <section>
                <h1>Page not found</h1>
                <p>
                  There is no view at <code>{router.path}</code>. <NavLink to={DEFAULT_PATH}>Go to Chat</NavLink>
                </p>
              </section>
            )}
          </main>
        </div>
      </ThemeContext.Provider>
    </RouterContext.Provider>
  );
}
