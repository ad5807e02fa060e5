import type { SimApi } from '../protocol/api';
import { mainThreadApi, mainThreadRequested, probe, WORKER_PROBE_MS } from './sessions';
import { superviseWorker, type Supervisor } from './supervisor';
import { createWorkerHandle } from './worker-handle';

export interface BootedSimulation {
  api: SimApi;
  /** Shown in the page when the simulation had to run on the main thread. */
  notice: string | null;
  /** Restarts the worker when it dies or hangs (null on the main thread). */
  supervisor: Supervisor | null;
}

async function mainThread(reason: string): Promise<BootedSimulation> {
  return {
    api: await mainThreadApi(),
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
  if (mainThreadRequested(search)) return mainThread('requested by the URL');
  let worker: ReturnType<typeof createWorkerHandle> | null = null;
  try {
    worker = createWorkerHandle();
    await probe([worker.api], WORKER_PROBE_MS);
    // Watched from now on: replaced by a fresh worker if it dies or hangs.
    const supervisor = superviseWorker({ initial: worker, spawn: createWorkerHandle });
    return { api: supervisor.api, notice: null, supervisor };
  } catch (error) {
    worker?.terminate();
    const why = error instanceof Error ? error.message : String(error);
    return mainThread(`the Web Worker did not start: ${why}`);
  }
}
