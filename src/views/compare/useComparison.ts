import { useEffect, useRef, useState } from 'react';
import type { Comparison } from '../../analysis';
import type { Scenario } from '../../engine/scenario';
import type { AnalysisPool } from '../../client';

interface Wanted {
  scenario: Scenario;
  t: number;
}

/**
 * Every variant's numbers at simulated time `t`. At most one request is in
 * flight: while the player runs, times that pass during a request are skipped
 * and the newest is asked for next, so the table keeps up with the cursor.
 */
export function useComparison(
  pool: AnalysisPool | null,
  scenario: Scenario | null,
  t: number,
): { comparison: Comparison | null; error: string | null } {
  const [held, setHeld] = useState<{ scenario: Scenario; comparison: Comparison } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const inFlight = useRef(false);
  const wanted = useRef<Wanted | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!pool || !scenario) return;
    wanted.current = { scenario, t };
    const pump = (): void => {
      const next = wanted.current;
      if (!mounted.current || inFlight.current || next === null) return;
      wanted.current = null;
      inFlight.current = true;
      pool
        .compare(next.scenario, next.t)
        .then((comparison) => {
          if (!mounted.current) return;
          setHeld({ scenario: next.scenario, comparison });
          setError(null);
        })
        .catch((e: unknown) => {
          if (mounted.current) setError(e instanceof Error ? e.message : String(e));
        })
        .finally(() => {
          inFlight.current = false;
          pump();
        });
    };
    pump();
  }, [pool, scenario, t]);

  // A comparison of another scenario is never shown against this one.
  return { comparison: held && held.scenario === scenario ? held.comparison : null, error };
}
