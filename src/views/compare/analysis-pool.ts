import type { SimApi } from '../../protocol/api';
import { createWorkerApi } from '../../worker/client';

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

const PROBE_MS = 5000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms),
  );
}

/** Yield to the page between two points, so a main-thread sweep still paints and can be cancelled. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mainThreadPool(): Promise<AnalysisPool> {
  // Loaded only when needed: the engine otherwise stays out of the main bundle.
  const { createLocalApi } = await import('../../worker/local');
  const local = createLocalApi();
  return {
    compare: (scenario, atT) => local.compare(scenario, atT),
    sweepers: [
      async (request, spec) => {
        await yieldToPage();
        return local.sweepPoint(request, spec);
      },
    ],
    mainThread: true,
    close: () => {},
  };
}

/**
 * Separate workers so that a sweep of several seconds never holds up the
 * visualizer's stepping, and so that two cores share the sweep's points.
 * Falls back to the main thread where workers are missing or broken, and
 * when the page asks for it with `?sim=main`, like the app's own session.
 */
export async function createAnalysisPool(
  size: number,
  search = globalThis.location?.search ?? '',
): Promise<AnalysisPool> {
  const forceMain = new URLSearchParams(search).get('sim') === 'main';
  if (forceMain || typeof Worker === 'undefined') return mainThreadPool();
  const workers: ReturnType<typeof createWorkerApi>[] = [];
  try {
    for (let i = 0; i < Math.max(1, size); i++) workers.push(createWorkerApi());
    await Promise.race([Promise.all(workers.map((w) => w.api.cursorAtTime(0))), timeout(PROBE_MS)]);
    const [first] = workers;
    return {
      compare: (scenario, atT) => first!.api.compare(scenario, atT),
      sweepers: workers.map((w) => (request, spec) => w.api.sweepPoint(request, spec)),
      mainThread: false,
      close: () => workers.forEach((w) => w.terminate()),
    };
  } catch {
    workers.forEach((w) => w.terminate());
    return mainThreadPool();
  }
}

/** Two workers on a machine with two cores or more; one otherwise. */
export function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return cores >= 2 ? 2 : 1;
}
