// The shell: skip link, header with navigation and theme toggle, and the current route's page,
// each page's code loaded on first use (use-module.ts) so the first paint carries only the shell.
import { useEffect, useState, type ComponentType } from 'react';
import { ErrorBoundary } from '../ui/components/error-boundary';
import { NotFound } from '../ui/components/not-found';
import { FocusOnNavigateContext } from '../ui/components/page';
import { ThemeToggle } from '../ui/components/theme-toggle';
import { useModule } from '../ui/components/use-module';
import { useSettings } from '../store/settings';
import { DEFAULT_ROUTE, hrefFor, ROUTES, type Route, type RouteName } from './routes';
import { useHashRoute } from './use-hash-route';
import { useApplyTheme } from './use-theme';

type PageModule = { default: ComponentType<{ params?: string[] }> };

// Each page's code (a module-level function per page: use-module.ts caches by it).
const pages: Record<RouteName, () => Promise<PageModule>> = {
  learn: () => import('../ui/learn/learn-page'),
  sandbox: () => import('../ui/sandbox/sandbox-page'),
  quiz: () => import('../ui/quiz/quiz-page'),
  about: () => import('../ui/about/about-page'),
  share: () => import('../ui/share/share-page'),
};

/** #/sandbox/share/<payload> is a shared sandbox: the share page opens it (and #/share/<payload> a scenario step). */
function pageFor(route: Route): { load: (() => Promise<PageModule>) | null; params: string[] } {
  if (route.name === 'not-found') return { load: null, params: [] };
  if (route.name === 'sandbox' && route.params[0] === 'share') return { load: pages.share, params: route.params.slice(1) };
  return { load: pages[route.name], params: route.params };
}

/** The route's page once its code is here (at once when it was loaded before), a loading line until then. */
function RoutePage({ load, params }: { load: () => Promise<PageModule>; params: string[] }) {
  const page = useModule(load);
  if (!page) {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  const Current = page.default;
  return <Current params={params} />;
}

const MAIN_ID = 'main-content';

function focusMain(event: React.MouseEvent<HTMLAnchorElement>) {
  // A plain #anchor would fight the hash router, so the skip link moves focus itself.
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

/** True once the learner has moved from the page they opened (the first hashchange). */
function useNavigated(): boolean {
  const [navigated, setNavigated] = useState(false);
  const [openedAt] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setNavigated(true);
    window.addEventListener('hashchange', onChange, { once: true });
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  // A browser runs React's synchronous route render between two hashchange listeners, before the state above
  // catches up: a page that mounts in that render (one already loaded, e.g. #/quiz to #/quiz/practice) must
  // already know, to focus its heading (e2e/keyboard.spec.ts; jsdom runs both listeners first, so it cannot show it).
  return navigated || window.location.hash !== openedAt;
}

export function App() {
  const route = useHashRoute();
  const theme = useApplyTheme();
  const setTheme = useSettings((s) => s.setTheme);
  const notice = useSettings((s) => s.notice);
  const dismissNotice = useSettings((s) => s.dismissNotice);
  const { load, params } = pageFor(route);
  const homeHref = hrefFor(DEFAULT_ROUTE);
  const navigated = useNavigated();

  return (
    <div className="shell">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={focusMain}>
        Skip to main content
      </a>
      <header className="header">
        <a className="brand" href={homeHref}>
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <rect width="32" height="32" rx="7" fill="var(--brand)" />
            <path d="M16 6l8 4v6c0 5-3.4 8.6-8 10-4.6-1.4-8-5-8-10v-6z" fill="#fff" />
            <circle cx="16" cy="15" r="3" fill="var(--brand)" />
          </svg>
          <span>Cognito Lab</span>
        </a>
        <nav aria-label="Main">
          <ul className="nav">
            {ROUTES.map((r) => (
              <li key={r.name}>
                <a href={hrefFor(r.name)} aria-current={route.name === r.name ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ThemeToggle theme={theme} onChange={setTheme} />
      </header>
      {notice && (
        <div className="notice" role="status">
          <span>{notice}</span>
          <button type="button" className="button button--secondary" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      <main id={MAIN_ID} tabIndex={-1} className="main">
        <FocusOnNavigateContext.Provider value={navigated}>
          <ErrorBoundary resetKey={route.name} homeHref={homeHref}>
            {load ? <RoutePage load={load} params={params} /> : <NotFound path={route.name === 'not-found' ? route.path : ''} homeHref={homeHref} />}
          </ErrorBoundary>
        </FocusOnNavigateContext.Provider>
      </main>
      <footer className="footer">
        <p>A teaching simulator. Not affiliated with Amazon Web Services. Nothing leaves your browser.</p>
      </footer>
    </div>
  );
}
