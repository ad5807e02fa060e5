import { useEffect, useMemo, useState } from 'react';
import type { Policy, Scenario } from '../engine/scenario';
import type { RunInfo, SimApi } from '../protocol/api';
import {
  selectCursor,
  selectEventCount,
  selectInterruptCursors,
  stepNeighbours,
  useAppStore,
  useAppStoreApi,
} from '../store';
import { pairedCursor } from '../views/graph/pair';
import { TopologyGraph } from './lazy-graph';
import { openSessions } from '../client';
import { usePairedFrame } from './usePairedFrame';

const POLICIES = ['broadcast', 'selective'] as const satisfies readonly Policy[];

const ignore = (): void => {};
const NO_MARKERS: readonly number[] = [];

interface Runs {
  /** The scenario these runs are of: a newer scenario's view ignores them. */
  scenario: Scenario;
  runs: RunInfo[];
  apis: SimApi[];
}

/**
 * Broadcast above, selective below: the scenario's stimuli run under both
 * policies, each in its own worker, and both graphs follow the player by
 * interrupt (see pair.ts), so the difference is seen rather than read.
 * Hand actions belong to the single view; these two graphs only show. Their
 * text is as large as the single view's: when a half cannot show the whole
 * machine at that size, its camera follows the action, as the single view's does.
 */
export function SideBySide({
  scenario,
  legiblePx,
}: {
  scenario: Scenario;
  /** The smallest node text on screen, as in the single view (12 px unless presenting). */
  legiblePx?: number | undefined;
}) {
  const [loaded, setLoaded] = useState<Runs | null>(null);

  // Two sessions (workers) for as long as the view is open, loaded with the scenario under each policy.
  useEffect(() => {
    let live = true;
    let close = (): void => {};
    void (async () => {
      const sessions = await openSessions(POLICIES.length);
      close = sessions.close;
      if (!live) return close();
      const runs = await Promise.all(
        POLICIES.map((policy, i) => sessions.apis[i]!.load({ ...scenario, policy })),
      );
      if (live) setLoaded({ scenario, runs, apis: sessions.apis });
    })();
    return () => {
      live = false;
      close();
    };
  }, [scenario]);

  const current = loaded !== null && loaded.scenario === scenario ? loaded : null;
  return (
    <div className="side-by-side" data-testid="side-by-side">
      {POLICIES.map((p, i) => (
        <PairHalf
          key={p}
          policy={p}
          api={current?.apis[i] ?? null}
          run={current?.runs[i] ?? null}
          legiblePx={legiblePx}
        />
      ))}
    </div>
  );
}

/**
 * One policy's graph at the player's interrupt. Its frame and the frames one
 * player step away are kept (usePairedFrame), so a step shows at once.
 */
function PairHalf({
  policy,
  api,
  run,
  legiblePx,
}: {
  policy: Policy;
  api: SimApi | null;
  run: RunInfo | null;
  legiblePx: number | undefined;
}) {
  const store = useAppStoreApi();
  const cursor = useAppStore(selectCursor);
  const markers = useAppStore(selectInterruptCursors) ?? NO_MARKERS;
  const eventCount = useAppStore(selectEventCount);
  // This half's cursor for the player's, and for every cursor the player's next step can reach.
  const target =
    run === null ? null : pairedCursor(markers, cursor, run.interruptCursors, run.eventCount);
  const near = useMemo(
    () =>
      run === null
        ? NO_MARKERS
        : stepNeighbours(cursor, eventCount, markers).map((c) =>
            pairedCursor(markers, c, run.interruptCursors, run.eventCount),
          ),
    [run, cursor, eventCount, markers],
  );
  const onError = (message: string) => store.getState().setError(`Side by side: ${message}`);
  const frame = usePairedFrame(api, run, target, near, onError);
  const view = frame?.view;
  const switches = view
    ? Object.values(view.entities).reduce((n, e) => n + e.contextSwitches, 0)
    : 0;
  const spurious = view ? Object.values(view.entities).reduce((n, e) => n + e.spurious, 0) : 0;
  return (
    <section
      className="side-by-side__half"
      aria-label={`${policy} forwarding`}
      data-testid={`side-${policy}`}
    >
      <h2 className="side-by-side__title">
        {policy === 'broadcast' ? 'Broadcast (Figure 3)' : 'Selective (Figures 4 and 6)'}
        <span data-testid={`side-${policy}-counts`}>
          {' '}
          · context switches {switches} · spurious {spurious}
          {run && frame ? ` · step ${frame.cursor} / ${run.eventCount}` : ' · running…'}
        </span>
      </h2>
      {run && frame ? (
        <div className="side-by-side__graph">
          <TopologyGraph
            scenario={run.scenario}
            frame={frame}
            onDeviceAction={ignore}
            legiblePx={legiblePx}
            readOnly
          />
        </div>
      ) : (
        <p className="placeholder">Running the scenario under {policy}…</p>
      )}
    </section>
  );
}
