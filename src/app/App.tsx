import { Suspense } from 'react';
import { useKeyboardShortcuts } from '../commands';
import {
  selectPanels,
  selectPresentation,
  selectWorkspace,
  StoreProvider,
  useAppStore,
  type AppStore,
} from '../store';
import {
  ConfirmEditDialog,
  Controls,
  ErrorBanner,
  EventLog,
  FlowPanel,
  Narration,
  NoticeBanner,
  Scrubber,
  StatusLine,
  Toolbar,
} from '../views/panels';
import { MetricsPanel } from '../views/metrics';
import { ImportBanners, ImportLayer } from '../views/import';
import { TimelinePane } from '../views/timeline';
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
      {panels.flow ? <FlowPanel /> : null}
      {panels.metrics ? <MetricsPanel /> : null}
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
  const presentation = useAppStore(selectPresentation);
  const entry = WORKSPACES.find((w) => w.id === workspace) ?? WORKSPACES[0]!;
  const visualize = entry.Component === null;
  // Presentation mode keeps the graph, the narration under it and the player; the panels stay as chosen.
  const side =
    visualize &&
    !presentation &&
    (panels.narration || panels.flow || panels.metrics || panels.eventLog);
  const classes = [
    'layout',
    side ? '' : 'no-side',
    entry.player ? '' : 'no-player',
    presentation ? 'presentation' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-workspace={entry.id}>
      <Toolbar tabs={<WorkspaceTabs />} />
      <div className="banners">
        {notice ? (
          <div className="banner notice" role="status">
            {notice}
          </div>
        ) : null}
        <NoticeBanner />
        <ErrorBanner />
        <ImportBanners />
      </div>
      {entry.Component ? (
        <ErrorBoundary what={`the ${entry.label} workspace`}>
          <main className="workspace-pane" aria-label={entry.label}>
            <Suspense fallback={<p className="placeholder">Loading {entry.label}…</p>}>
              <entry.Component />
            </Suspense>
          </main>
        </ErrorBoundary>
      ) : (
        <div className="visualize-main">
          <ErrorBoundary what="the topology graph">
            <GraphPane />
          </ErrorBoundary>
          {presentation ? (
            <div className="presentation-narration">
              <Narration />
            </div>
          ) : null}
          {panels.timeline && !presentation ? (
            <ErrorBoundary what="the timeline">
              <TimelinePane />
            </ErrorBoundary>
          ) : null}
        </div>
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
      <ImportLayer />
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
