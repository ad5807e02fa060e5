import type { SimApi } from '../protocol/api';
import { openSessions } from './sessions';

/** The compare and sweep computations' own simulation sessions, apart from the visualizer's. */
export interface AnalysisPool {
  /** The compare table's session. */
  compare: SimApi['compare'];
  /** One sweep-point runner per session; points are spread over them. */
  sweepers: SimApi['sweepPoint'][];
  /** True when the sessions run on this thread (no Web Worker). */
  mainThread: boolean;
  close(): void;
}

/** Yield to the page between two points, so a main-thread sweep still paints and can be cancelled. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Separate workers so that a sweep of several seconds never holds up the
 * visualizer's stepping, and so that two cores share the sweep's points.
 * On the main thread one session does it all, yielding between points.
 */
export async function createAnalysisPool(
  size: number,
  search = globalThis.location?.search ?? '',
): Promise<AnalysisPool> {
  const sessions = await openSessions(size, search);
  const [first] = sessions.apis as [SimApi, ...SimApi[]];
  const sweepers: SimApi['sweepPoint'][] = sessions.mainThread
    ? [
        async (request, spec) => {
          await yieldToPage();
          return first.sweepPoint(request, spec);
        },
      ]
    : sessions.apis.map((api) => (request, spec) => api.sweepPoint(request, spec));
  return {
    compare: (scenario, atT) => first.compare(scenario, atT),
    sweepers,
    mainThread: sessions.mainThread,
    close: () => sessions.close(),
  };
}

/** Two workers on a machine with two cores or more; one otherwise. */
export function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return cores >= 2 ? 2 : 1;
}
