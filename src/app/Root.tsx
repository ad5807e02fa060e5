import { Suspense, use } from 'react';
import { App } from './App';
import './embed.css';
import { ErrorBoundary } from './ErrorBoundary';
import type { StartedApp } from './start';

function Started({ started }: { started: Promise<StartedApp> }) {
  const { store, notice, embed } = use(started);
  return <App store={store} notice={notice} embed={embed ? { tabs: embed.tabs } : null} />;
}

/**
 * The page root: always renders `app-root`, so a slow or failed start shows
 * a message instead of a blank page.
 */
export function Root({ started }: { started: Promise<StartedApp> }) {
  return (
    <div className="app-root" data-testid="app-root">
      <ErrorBoundary what="INTx Lab">
        <Suspense fallback={<p className="placeholder">Starting the simulation…</p>}>
          <Started started={started} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
