import { useEffect, useRef, useState } from 'react';
import type { Summary } from '../../engine/summary-types';
import type { RunInfo } from '../../protocol/api';
import { useAppStoreApi } from '../../store';

interface Held {
  run: RunInfo;
  cursor: number;
  summary: Summary;
}

/**
 * The engine's summary at `cursor` of `run`. At most one request is in flight:
 * while playing, cursors that pass during a request are skipped and the newest
 * one is asked for next, so the panel never falls behind the graph.
 */
export function useSummaryAt(
  run: RunInfo | null,
  cursor: number,
  enabled: boolean,
): Summary | null {
  const store = useAppStoreApi();
  const [held, setHeld] = useState<Held | null>(null);
  const mounted = useRef(true);
  const inFlight = useRef(false);
  const wanted = useRef<{ run: RunInfo; cursor: number } | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled || !run) return;
    wanted.current = { run, cursor };
    const pump = (): void => {
      const next = wanted.current;
      if (!mounted.current || inFlight.current || next === null) return;
      wanted.current = null;
      inFlight.current = true;
      void store
        .getState()
        .fetchSummaryAt(next.cursor)
        .then((summary) => {
          if (mounted.current && summary) setHeld({ ...next, summary });
        })
        .catch((error: unknown) =>
          store
            .getState()
            .setError(`Metrics: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          inFlight.current = false;
          pump();
        });
    };
    pump();
  }, [store, run, cursor, enabled]);

  if (!run) return null;
  // At the end of the run the run's own summary is the answer: no request needed.
  if (cursor >= run.eventCount) return run.summary;
  return held && held.run === run ? held.summary : null;
}
