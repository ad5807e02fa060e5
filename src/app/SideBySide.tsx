import { useEffect, useMemo, useRef, useState } from 'react';
import type { Policy, Scenario } from '../engine/scenario';
import type { Frame, RunInfo, SimApi } from '../protocol/api';
import { selectCursor, selectInterruptCursors, useAppStore, useAppStoreApi } from '../store';
import { pairedCursor } from '../views/graph/pair';
import { TopologyGraph } from './lazy-graph';
import { openSessions, useLatestAnswer } from '../client';

const POLICIES = ['broadcast', 'selective'] as const satisfies readonly Policy[];

const ignore = (): void => {};
const NO_FRAMES: readonly (Frame | null)[] = [null, null];

interface Runs {
  /** The scenario these runs are of: a newer scenario's view ignores them. */
  scenario: Scenario;
  runs: RunInfo[];
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
  const store = useAppStoreApi();
  const cursor = useAppStore(selectCursor);
  const markers = useAppStore(selectInterruptCursors);
  const apis = useRef<SimApi[] | null>(null);
  const [loaded, setLoaded] = useState<Runs | null>(null);

  // Two sessions (workers) for as long as the view is open, loaded with the scenario under each policy.
  useEffect(() => {
    let live = true;
    let close = (): void => {};
    void (async () => {
      const sessions = await openSessions(POLICIES.length);
      close = sessions.close;
      if (!live) return close();
      apis.current = sessions.apis;
      const runs = await Promise.all(
        POLICIES.map((policy, i) => sessions.apis[i]!.load({ ...scenario, policy })),
      );
      if (live) setLoaded({ scenario, runs });
    })();
    return () => {
      live = false;
      apis.current = null;
      close();
    };
  }, [scenario]);

  const runs = loaded !== null && loaded.scenario === scenario ? loaded.runs : null;
  // Each step of the player: both graphs to the same interrupt.
  const targets = useMemo(
    () =>
      runs === null
        ? null
        : runs.map((run) =>
            pairedCursor(markers ?? [], cursor, run.interruptCursors, run.eventCount),
          ),
    [runs, markers, cursor],
  );
  const { answer } = useLatestAnswer(
    targets ? ([targets] as const) : null,
    ([cursors]) => {
      const api = apis.current;
      return api === null
        ? Promise.resolve(null)
        : Promise.all(cursors.map((t, i) => api[i]!.frameAt(t)));
    },
    { onError: (message) => store.getState().setError(`Side by side: ${message}`) },
  );
  const frames = answer?.value ?? NO_FRAMES;

  return (
    <div className="side-by-side" data-testid="side-by-side">
      {POLICIES.map((p, i) => {
        const run = runs?.[i] ?? null;
        const frame = run === null ? null : (frames[i] ?? null);
        const view = frame?.view;
        const switches = view
          ? Object.values(view.entities).reduce((n, e) => n + e.contextSwitches, 0)
          : 0;
        const spurious = view
          ? Object.values(view.entities).reduce((n, e) => n + e.spurious, 0)
          : 0;
        return (
          <section
            key={p}
            className="side-by-side__half"
            aria-label={`${p} forwarding`}
            data-testid={`side-${p}`}
          >
            <h2 className="side-by-side__title">
              {p === 'broadcast' ? 'Broadcast (Figure 3)' : 'Selective (Figures 4 and 6)'}
              <span data-testid={`side-${p}-counts`}>
                {' '}
                · context switches {switches} · spurious {spurious}
                {run ? ` · step ${frame?.cursor ?? 0} / ${run.eventCount}` : ' · running…'}
              </span>
            </h2>
            {run ? (
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
              <p className="placeholder">Running the scenario under {p}…</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
