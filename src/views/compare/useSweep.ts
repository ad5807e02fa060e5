import { useCallback, useEffect, useRef, useState } from 'react';
import {
  checkSweepRequest,
  runSweep,
  sweepPoints,
  type SweepPoint,
  type SweepRequest,
} from '../../analysis/engine-free';
import type { AnalysisPool } from '../../client';

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
 * one by one, so charts draw while it runs; cancel stops handing out points
 * and the sweep ends when the points already running finish.
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
        const arrivals = frameBatches<SweepPoint>((points, done) => {
          if (!mounted.current) return;
          setState((s) => ({
            ...s,
            done,
            points: [...s.points, ...points],
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

/** The next animation frame, or a frame's time where there are none (tests). */
function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
}

/**
 * Points as they arrive, handed on at most once a frame: the small points of a sweep
 * come in bursts (the runs go longest first), and one render per point would take
 * the main thread's share of the two cores from the workers. The progress bar still
 * moves every frame a point arrives. `flush` hands on what is left at once.
 */
function frameBatches<T>(take: (items: T[], done: number) => void) {
  let items: T[] = [];
  let done = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    take(batch, done);
  };
  return {
    add(item: T, doneSoFar: number) {
      items.push(item);
      done = doneSoFar;
      if (!scheduled) {
        scheduled = true;
        nextFrame(flush);
      }
    },
    flush,
  };
}
