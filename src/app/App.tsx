import { useKeyboardShortcuts } from '../commands';
import { selectPanels, StoreProvider, useAppStore, type AppStore } from '../store';
import {
  ConfirmEditDialog,
  Controls,
  ErrorBanner,
  EventLog,
  Narration,
  Scrubber,
  StatusLine,
  Toolbar,
} from '../views/panels';
import { ErrorBoundary } from './ErrorBoundary';
import { GraphPane } from './GraphPane';
import { usePlayback } from './usePlayback';
import { useTheme } from './useTheme';

/** The page layout. It subscribes only to which panels are shown, never to the frame. */
function Layout({ notice }: { notice: string | null }) {
  useKeyboardShortcuts();
  usePlayback();
  useTheme();
  const panels = useAppStore(selectPanels);
  const side = panels.narration || panels.eventLog;
  return (
    <div className={side ? 'layout' : 'layout no-side'}>
      <Toolbar />
      <div className="banners">
        {notice ? (
          <div className="banner notice" role="status">
            {notice}
          </div>
        ) : null}
        <ErrorBanner />
      </div>
      <ErrorBoundary what="the topology graph">
        <GraphPane />
      </ErrorBoundary>
      {side ? (
        <aside className="side">
          {panels.narration ? <Narration /> : null}
          {panels.eventLog ? <EventLog /> : null}
        </aside>
      ) : null}
      <footer className="player">
        <Controls />
        <Scrubber />
        <StatusLine />
      </footer>
      <ConfirmEditDialog />
    </div>
  );
}

/** The app around one store (tests render it with their own store). */
export function App({ store, notice = null }: { store: AppStore; notice?: string | null }) {
  return (
    <StoreProvider store={store}>
      <Layout notice={notice} />
    </StoreProvider>
  );
}
