import { useCallback, useEffect, useRef, useState } from 'react';
import {
  checkSweepRequest,
  runSweep,
  sweepPoints,
  type SweepPoint,
  type SweepRequest,
} from '../../analysis/engine-free';
import type { AnalysisPool } from '../../client';
import { arrivalBatches } from './arrival-batches';

export type SweepStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  status: SweepStatus;
  request: SweepRequest | null;
  points: SweepPoint[];
  done: number;
  total: number;
  /** Wall-clock time of the sweep so far (ms). */
  elapsedMs: number;
  error: string | null;
}

const IDLE: SweepState = {
  status: 'idle',
  request: null,
  points: [],
  done: 0,
  total: 0,
  elapsedMs: 0,
  error: null,
};

/**
 * Runs a sweep over the pool's workers and keeps its progress. Points arrive
 * one by one, so charts draw while it runs (in batches, `arrivalBatches`);
 * cancel stops handing out points and the sweep ends when the points already
 * running finish.
 */
export function useSweep(pool: AnalysisPool | null) {
  const [state, setState] = useState<SweepState>(IDLE);
  const stop = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stop.current = true;
    };
  }, []);

  const start = useCallback(
    async (request: SweepRequest) => {
      const problems = checkSweepRequest(request);
      if (problems.length > 0) {
        setState({ ...IDLE, status: 'failed', request, error: problems.join('; ') });
        return;
      }
      if (!pool) return;
      stop.current = false;
      const began = performance.now();
      const total = sweepPoints(request).length;
      setState({ ...IDLE, status: 'running', request, total });
      const runners = pool.sweepers.map(
        (run) => (spec: Parameters<typeof run>[1]) => run(request, spec),
      );
      try {
        const arrivals = arrivalBatches<SweepPoint>((points, done) => {
          if (!mounted.current) return;
          setState((s) => ({
            ...s,
            done,
            // The same list while only the count moved: the charts do not redraw.
            points: points.length === 0 ? s.points : [...s.points, ...points],
            elapsedMs: performance.now() - began,
          }));
        });
        const outcome = await runSweep(
          request,
          runners,
          ({ done, point }) => arrivals.add(point, done),
          () => stop.current,
        );
        arrivals.flush();
        if (!mounted.current) return;
        setState((s) => ({
          ...s,
          status: outcome.cancelled ? 'cancelled' : 'done',
          elapsedMs: performance.now() - began,
        }));
      } catch (e) {
        if (!mounted.current) return;
        setState((s) => ({
          ...s,
          status: 'failed',
          error: e instanceof Error ? e.message : String(e),
        }));
      }
    },
    [pool],
  );

  const cancel = useCallback(() => {
    stop.current = true;
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelling' } : s));
  }, []);

  return { state, start, cancel };
}
