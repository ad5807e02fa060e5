import { SimSession } from '../../src/worker/session';
import { largeScenario } from './large-scenario';

/**
 * The worker's own copy of a run (src/worker/run-record.ts): the engine's
 * events put in the columnar store, with view and summary snapshots every
 * 1,024 events. Measured on the engine benchmark's scenario, in one process:
 * heap and array-buffer growth per event with the session alive (needs
 * --expose-gc: events, snapshots, markers and intern tables), the
 * store's own count of its bytes, and events per second of the whole load.
 */
export async function measureSessionStore(raises: number): Promise<{
  events: number;
  loadEventsPerSecond: number;
  storeBytesPerEvent: number;
  heapBytesPerEvent: number | null;
}> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const session = new SimSession();
  const start = performance.now();
  // The scenario's own limit (50M events) is more than a kept run may hold; this run
  // makes about 37 events a raise, so this bound holds it with room to spare.
  const scenario = {
    ...largeScenario('selective', raises),
    maxEvents: Math.max(1000, raises * 50),
  };
  const info = await session.load(scenario);
  const ms = performance.now() - start;
  gc?.();
  const after = used();
  // Typed arrays live outside the JS heap (arrayBuffers), counted with it above.
  const store = session.bytesPerEvent();
  const heap = gc ? (after - before) / info.eventCount : null;
  return {
    events: info.eventCount,
    loadEventsPerSecond: Math.round((info.eventCount * 1000) / ms),
    storeBytesPerEvent: Number(store.toFixed(1)),
    heapBytesPerEvent: heap === null ? null : Number(heap.toFixed(1)),
  };
}
