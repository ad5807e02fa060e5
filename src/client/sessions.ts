import type { SimApi } from '../protocol/api';
import { createWorkerHandle } from './worker-handle';

/** How long a new worker may take to answer its first call before we give up on it. */
export const WORKER_PROBE_MS = 5000;

/** `?sim=main` in the page's address: the simulation is asked to run on the main thread. */
export function mainThreadRequested(search: string): boolean {
  return new URLSearchParams(search).get('sim') === 'main';
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms),
  );
}

/** Resolves once every session answered a cheap call (the module loaded, comlink is wired). */
export async function probe(apis: readonly SimApi[], ms: number): Promise<void> {
  await Promise.race([Promise.all(apis.map((api) => api.cursorAtTime(0))), timeout(ms)]);
}

/** A session on this thread. Loaded only when needed: the engine otherwise stays out of the main bundle. */
export async function mainThreadApi(): Promise<SimApi> {
  const { createLocalApi } = await import('../worker/local');
  return createLocalApi();
}

/** Sessions of their own, apart from the visualizer's (not supervised: they are closed with their view). */
export interface Sessions {
  apis: SimApi[];
  /** True when they run on this thread (no Web Worker). */
  mainThread: boolean;
  close(): void;
}

/**
 * `count` sessions, each in its own Web Worker once all of them answered; on
 * the main thread where workers are missing or broken, or when the page asks
 * for it with `?sim=main`, like the app's own session.
 */
export async function openSessions(
  count: number,
  search = globalThis.location?.search ?? '',
): Promise<Sessions> {
  if (!mainThreadRequested(search) && typeof Worker !== 'undefined') {
    const workers: ReturnType<typeof createWorkerHandle>[] = [];
    try {
      for (let i = 0; i < Math.max(1, count); i++) workers.push(createWorkerHandle());
      const apis = workers.map((w) => w.api);
      await probe(apis, WORKER_PROBE_MS);
      return { apis, mainThread: false, close: () => workers.forEach((w) => w.terminate()) };
    } catch {
      workers.forEach((w) => w.terminate());
    }
  }
  const apis: SimApi[] = [];
  for (let i = 0; i < Math.max(1, count); i++) apis.push(await mainThreadApi());
  return { apis, mainThread: true, close: () => {} };
}
