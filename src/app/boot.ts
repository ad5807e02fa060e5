import type { SimApi } from '../protocol/api';
import { createWorkerApi } from '../worker/client';
import { superviseWorker, type Supervisor } from '../worker/supervised';

/** How long a new worker may take to answer its first call before we give up on it. */
const WORKER_PROBE_MS = 5000;

export interface BootedSimulation {
  api: SimApi;
  /** Shown in the page when the simulation had to run on the main thread. */
  notice: string | null;
  /** Restarts the worker when it dies or hangs (null on the main thread). */
  supervisor: Supervisor | null;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms),
  );
}

async function mainThread(reason: string): Promise<BootedSimulation> {
  // Loaded only when needed: the engine otherwise stays out of the main bundle.
  const { createLocalApi } = await import('../worker/local');
  return {
    api: createLocalApi(),
    notice: `The simulation runs on the main thread (${reason}); long runs may make the page slow.`,
    supervisor: null,
  };
}

/**
 * Starts the simulation in a Web Worker and checks that it answers; falls back
 * to the main thread when workers are missing or broken. `?sim=main` forces
 * the fallback (for debugging and for testing the fallback itself).
 */
export async function bootSimulation(
  search = globalThis.location?.search ?? '',
): Promise<BootedSimulation> {
  if (new URLSearchParams(search).get('sim') === 'main') return mainThread('requested by the URL');
  let worker: ReturnType<typeof createWorkerApi> | null = null;
  try {
    worker = createWorkerApi();
    // Any cheap call proves the module loaded and comlink is wired.
    await Promise.race([worker.api.cursorAtTime(0), timeout(WORKER_PROBE_MS)]);
    // Watched from now on: replaced by a fresh worker if it dies or hangs.
    const supervisor = superviseWorker({ initial: worker, spawn: createWorkerApi });
    return { api: supervisor.api, notice: null, supervisor };
  } catch (error) {
    worker?.terminate();
    const why = error instanceof Error ? error.message : String(error);
    return mainThread(`the Web Worker did not start: ${why}`);
  }
}
