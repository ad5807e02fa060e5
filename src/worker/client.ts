import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../protocol/api';

/**
 * The simulation in a Web Worker (the app's normal mode). Only types cross
 * into the UI bundle; the engine is bundled into the worker chunk.
 */
export function createWorkerApi(): { api: SimApi; terminate: () => void } {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const remote: Remote<SimApi> = wrap<SimApi>(worker);
  return { api: remote as unknown as SimApi, terminate: () => worker.terminate() };
}
