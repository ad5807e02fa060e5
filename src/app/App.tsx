import { useKeyboardShortcuts } from '../commands';
import { selectPanels, selectWorkspace, StoreProvider, useAppStore, type AppStore } from '../store';
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
import { WorkspaceTabs } from './WorkspaceTabs';
import { WORKSPACES } from './workspaces';

/** The visualizer's side column: the panels the person chose, in a fixed order. */
function SidePanels() {
  const panels = useAppStore(selectPanels);
  return (
    <aside className="side">
      {panels.narration ? <Narration /> : null}
      {panels.eventLog ? <EventLog /> : null}
    </aside>
  );
}

/** The page layout. It subscribes only to which panels are shown, never to the frame. */
function Layout({ notice }: { notice: string | null }) {
  useKeyboardShortcuts();
  usePlayback();
  useTheme();
  const panels = useAppStore(selectPanels);
  const workspace = useAppStore(selectWorkspace);
  const entry = WORKSPACES.find((w) => w.id === workspace) ?? WORKSPACES[0]!;
  const visualize = entry.Component === null;
  const side = visualize && (panels.narration || panels.eventLog);
  const classes = ['layout', side ? '' : 'no-side', entry.player ? '' : 'no-player'];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-workspace={entry.id}>
      <Toolbar tabs={<WorkspaceTabs />} />
      <div className="banners">
        {notice ? (
          <div className="banner notice" role="status">
            {notice}
          </div>
        ) : null}
        <ErrorBanner />
      </div>
      {entry.Component ? (
        <ErrorBoundary what={`the ${entry.label} workspace`}>
          <main className="workspace-pane" aria-label={entry.label}>
            <entry.Component />
          </main>
        </ErrorBoundary>
      ) : (
        <ErrorBoundary what="the topology graph">
          <GraphPane />
        </ErrorBoundary>
      )}
      {side ? <SidePanels /> : null}
      {entry.player ? (
        <footer className="player">
          <Controls />
          <Scrubber />
          <StatusLine />
        </footer>
      ) : null}
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
