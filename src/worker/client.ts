import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../protocol/api';
import { isHeartbeat } from './heartbeat';
import type { WorkerSignal } from './supervised';

/**
 * The simulation in a Web Worker (the app's normal mode). Only types cross
 * into the UI bundle; the engine is bundled into the worker chunk. `listen`
 * hears the worker's heartbeats and its `error` events (an uncaught error or
 * a script that failed to load), for the supervisor.
 */
export function createWorkerApi(): {
  api: SimApi;
  terminate: () => void;
  listen: (listener: (signal: WorkerSignal) => void) => void;
} {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const remote: Remote<SimApi> = wrap<SimApi>(worker);
  return {
    api: remote as unknown as SimApi,
    terminate: () => worker.terminate(),
    listen: (listener) => {
      worker.addEventListener('message', (ev: MessageEvent<unknown>) => {
        if (!isHeartbeat(ev.data)) return;
        const { quietMs, done, of } = ev.data;
        const progress = done !== undefined && of !== undefined ? { done, of } : null;
        listener({ kind: 'beat', quietMs: quietMs ?? 0, progress });
      });
      worker.addEventListener('error', (ev: ErrorEvent) => {
        listener({ kind: 'error', message: ev.message || 'the worker failed' });
      });
      worker.addEventListener('messageerror', () => {
        listener({ kind: 'error', message: 'a message from the worker could not be read' });
      });
    },
  };
}
