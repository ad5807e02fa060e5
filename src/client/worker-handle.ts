import { proxy, transfer, wrap, type Endpoint } from 'comlink';
import type { SimApi } from '../protocol/api';
import { isBytes } from '../worker/file-source';
import { isHeartbeat } from '../worker/heartbeat';
import { apiOf } from './calls';
import type { WorkerHandle } from './supervisor';

/**
 * The simulation API of a session exposed at `endpoint` (a Web Worker, or a
 * MessagePort in tests). comlink stays inside this file: an opened file's bytes
 * are transferred (not copied; a Blob is sent as it is, the worker reads it) and
 * a progress callback is proxied here, so callers pass plain values.
 */
export function remoteApi(endpoint: Endpoint): SimApi {
  const remote = wrap<SimApi>(endpoint) as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  // A member call, not `method.apply(...)`: on a comlink proxy `.apply` is a remote property.
  const forwarded = apiOf(
    (method) =>
      (...args) =>
        remote[method]!(...args),
  );
  return {
    ...forwarded,
    openFile: (source, fileName, onProgress) =>
      forwarded.openFile(
        isBytes(source) ? transfer(source, [source]) : source,
        fileName,
        onProgress === undefined ? undefined : proxy(onProgress),
      ),
  };
}

/**
 * The simulation in a Web Worker (the app's normal mode). Only types cross
 * into the UI bundle; the engine is bundled into the worker chunk. `listen`
 * hears the worker's heartbeats and its `error` events (an uncaught error or
 * a script that failed to load), for the supervisor.
 */
export function createWorkerHandle(): Required<WorkerHandle> {
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
    type: 'module',
  });
  const api = remoteApi(worker);
  return {
    api,
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
