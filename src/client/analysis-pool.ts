import { warmUpRuns } from '../analysis/engine-free';
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

/** When the page has nothing else to do (after the workspace has mounted and asked its first questions). */
function whenPageIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.requestIdleCallback === 'function') {
      globalThis.requestIdleCallback(() => resolve(), { timeout: 500 });
    } else setTimeout(resolve, 0);
  });
}

/**
 * One worker's warm-up (see `warmUpRuns`): small runs, one at a time, only while
 * nothing asked of the worker is waiting. A call for the person (the compare
 * table) pauses it until answered, so it waits at most for the one small run
 * already going; the first sweep point ends it for good (the sweep warms the
 * engine itself, and a warm-up run between two points would only delay the next).
 */
export class WarmUp {
  private ended = false;
  private inFlight = 0;
  private wake: (() => void) | null = null;
  /** Settles once the warm-up has ended (run through, or given way to a sweep). */
  readonly done: Promise<void>;

  constructor(private readonly api: SimApi) {
    this.done = this.run().catch(() => {});
  }

  private async run(): Promise<void> {
    await whenPageIdle();
    for (const { request, spec } of warmUpRuns()) {
      while (this.inFlight > 0 && !this.ended) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      if (this.ended) return;
      await this.api.sweepPoint(request, spec);
    }
  }

  /** A call for the person: the warm-up waits until it is answered. */
  async around<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await call();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.resume();
    }
  }

  end(): void {
    this.ended = true;
    this.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * Separate workers so that a sweep of several seconds never holds up the
 * visualizer's stepping, and so that two cores share the sweep's points. Each
 * worker warms its engine while the workspace is open (`WarmUp`). On the main
 * thread one session does it all, yielding between points, and nothing is
 * warmed: that would hold up the page itself.
 */
export async function createAnalysisPool(
  size: number,
  search = globalThis.location?.search ?? '',
): Promise<AnalysisPool> {
  const sessions = await openSessions(size, search);
  const [first] = sessions.apis as [SimApi, ...SimApi[]];
  if (sessions.mainThread) {
    return {
      compare: (scenario, atT) => first.compare(scenario, atT),
      sweepers: [
        async (request, spec) => {
          await yieldToPage();
          return first.sweepPoint(request, spec);
        },
      ],
      mainThread: true,
      close: () => sessions.close(),
    };
  }
  const warmUps = sessions.apis.map((api) => new WarmUp(api));
  const firstWarmUp = warmUps[0]!;
  return {
    compare: (scenario, atT) => firstWarmUp.around(() => first.compare(scenario, atT)),
    sweepers: sessions.apis.map((api, i) => (request, spec) => {
      warmUps[i]!.end();
      return api.sweepPoint(request, spec);
    }),
    mainThread: false,
    close: () => {
      warmUps.forEach((w) => w.end());
      sessions.close();
    },
  };
}

/** Two workers on a machine with two cores or more; one otherwise. */
export function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return cores >= 2 ? 2 : 1;
}
