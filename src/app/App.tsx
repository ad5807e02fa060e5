import { lazy, Suspense, useRef } from 'react';
import { COMMANDS, useKeyboardShortcuts } from '../commands';
import {
  selectPanels,
  selectPresentation,
  selectWorkspace,
  StoreProvider,
  useAppStore,
  type AppState,
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
  KeyboardHelp,
  ScreenSummary,
  SkipLink,
  Toolbar,
} from '../views/panels';
import { MetricsPanel } from '../views/metrics';
import { ImportBanners, ImportLayer } from '../views/import';
import { TimelinePane } from '../views/timeline';
import { ErrorBoundary } from './ErrorBoundary';
import { GraphPane } from './GraphPane';
import { DRAWN, useDrawStage } from './useFirstDraw';
import { useFocusLanding } from './useFocusLanding';
import { usePlayback } from './usePlayback';
import { useReservedHeight } from './useReservedHeight';
import { useTheme } from './useTheme';
import { WorkspaceTabs } from './WorkspaceTabs';
import { WORKSPACES } from './workspaces';

// The lesson layer loads only when a lesson is followed or offered.
const LessonPanel = lazy(() => import('../views/learn').then((m) => ({ default: m.LessonPanel })));
const WelcomeOffer = lazy(() =>
  import('../views/learn').then((m) => ({ default: m.WelcomeOffer })),
);
const selectInLesson = (s: AppState) => s.activeLesson !== null;
const selectOfferWelcome = (s: AppState) =>
  !s.lessonProgressLoading && !s.lessonProgress.welcomeDismissed;

/**
 * The timeline asks for another machine's lanes once its first draw is over: built
 * in the worker (about 0.4 s for a 100 MB trace, code V8 is still compiling), they
 * took the cores the draw's stages needed and stretched those tasks past 50 ms.
 */
function StagedTimeline() {
  return <TimelinePane lanesWanted={useDrawStage() >= DRAWN} />;
}

/**
 * The visualizer's side column: the lesson being followed, then the panels the person chose.
 * On another machine's first draw, the panels after the narration wait for the graph to be
 * painted (useDrawStage); meanwhile the column keeps its size, so nothing moves.
 */
function SidePanels() {
  const panels = useAppStore(selectPanels);
  const inLesson = useAppStore(selectInLesson);
  // Presenting, only a lesson being followed stays beside the graph.
  const presentation = useAppStore(selectPresentation);
  const painted = useDrawStage() >= DRAWN;
  const { ref, reserved } = useReservedHeight<HTMLElement>(!painted);
  return (
    <aside ref={ref} className="side" style={reserved}>
      {inLesson ? (
        <ErrorBoundary what="the lesson">
          <Suspense fallback={<p className="placeholder">Loading the lesson…</p>}>
            <LessonPanel />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {presentation ? null : (
        <>
          {panels.narration ? <Narration /> : null}
          {painted && panels.flow ? <FlowPanel /> : null}
          {painted && panels.metrics ? <MetricsPanel /> : null}
          {painted && panels.eventLog ? <EventLog /> : null}
        </>
      )}
    </aside>
  );
}

/** How the page is embedded in a course page (null: the full app). */
export interface EmbedLayout {
  /** Show the workspace tabs (`tabs=1`). */
  tabs: boolean;
}

/** The page layout. It subscribes only to which panels are shown, never to the frame. */
function Layout({ notice, embed }: { notice: string | null; embed: EmbedLayout | null }) {
  const root = useRef<HTMLDivElement>(null);
  // Embedded, keys act only while focus is inside the app (see useKeyboardShortcuts).
  useKeyboardShortcuts(COMMANDS, embed ? root : undefined);
  usePlayback();
  useTheme();
  const panels = useAppStore(selectPanels);
  const workspace = useAppStore(selectWorkspace);
  const presentation = useAppStore(selectPresentation);
  const entry = WORKSPACES.find((w) => w.id === workspace) ?? WORKSPACES[0]!;
  const visualize = entry.Component === null;
  const inLesson = useAppStore(selectInLesson);
  useFocusLanding(workspace, inLesson, root);
  // A course page that embeds the app chose what it shows: no first-visit offer there.
  // Nor while presenting: a class sees the teacher's machine, not a first visit's offer.
  const offerWelcome = useAppStore(selectOfferWelcome) && !embed && !presentation;
  // Presentation mode keeps the graph, the narration under it, the player and a lesson being
  // followed; the other panels stay as chosen for afterwards.
  const side =
    visualize &&
    (inLesson ||
      (!presentation && (panels.narration || panels.flow || panels.metrics || panels.eventLog)));
  const classes = [
    'layout',
    side ? '' : 'no-side',
    entry.player ? '' : 'no-player',
    embed ? 'embedded' : '',
    presentation ? 'presentation' : '',
  ];
  return (
    <div
      ref={root}
      className={classes.filter(Boolean).join(' ')}
      data-workspace={entry.id}
      // Focusable by a click anywhere in it (not by Tab), so keys work once the person clicks in.
      tabIndex={embed ? -1 : undefined}
    >
      {entry.player ? <SkipLink /> : null}
      {visualize ? <ScreenSummary /> : null}
      <Toolbar tabs={!embed || embed.tabs ? <WorkspaceTabs /> : null} />
      <div className="banners">
        {notice ? (
          <div className="banner notice" role="status">
            {notice}
          </div>
        ) : null}
        {offerWelcome ? (
          <Suspense fallback={null}>
            <WelcomeOffer />
          </Suspense>
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
              <StagedTimeline />
            </ErrorBoundary>
          ) : null}
        </div>
      )}
      {side ? <SidePanels /> : null}
      {entry.player ? (
        <footer className="player" id="player">
          <Controls />
          <Scrubber />
          <StatusLine />
        </footer>
      ) : null}
      <ConfirmEditDialog />
      <KeyboardHelp />
      <ImportLayer />
    </div>
  );
}

/** The app around one store (tests render it with their own store). */
export function App({
  store,
  notice = null,
  embed = null,
}: {
  store: AppStore;
  notice?: string | null;
  embed?: EmbedLayout | null;
}) {
  return (
    <StoreProvider store={store}>
      <Layout notice={notice} embed={embed} />
    </StoreProvider>
  );
}
