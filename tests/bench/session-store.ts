import { SimSession } from '../../src/worker/session';
import { largeScenario } from './large-scenario';

/**
 * The worker's own copy of a run (src/worker/run-record.ts): the engine's
 * events written into the columnar store by the column sink, with view and
 * summary snapshots every 1,024 events, made as far as a frame needs them.
 * Measured on the engine benchmark's scenario, in one process: events per
 * second of the load, then the time of the first frame at the end (which
 * makes every snapshot), heap and array-buffer growth per event with the
 * session alive after the load and after that frame (needs --expose-gc:
 * events, snapshots, markers and intern tables), and the store's own count
 * of its bytes.
 */
export async function measureSessionStore(raises: number): Promise<{
  events: number;
  loadEventsPerSecond: number;
  firstFrameAtEndMs: number;
  storeBytesPerEvent: number;
  heapBytesPerEventAfterLoad: number | null;
  heapBytesPerEvent: number | null;
}> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Array buffers freed by a collection are given back after it: wait for them.
  const settle = async (): Promise<void> => {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc?.();
  };
  await settle();
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
  await settle();
  const afterLoad = used();
  const frameStart = performance.now();
  await session.frameAt(info.eventCount);
  const frameMs = performance.now() - frameStart;
  await settle();
  const after = used();
  // Typed arrays live outside the JS heap (arrayBuffers), counted with it above.
  const store = session.bytesPerEvent();
  const perEvent = (bytes: number): number | null =>
    gc ? Number((bytes / info.eventCount).toFixed(1)) : null;
  return {
    events: info.eventCount,
    loadEventsPerSecond: Math.round((info.eventCount * 1000) / ms),
    firstFrameAtEndMs: Math.round(frameMs),
    storeBytesPerEvent: Number(store.toFixed(1)),
    heapBytesPerEventAfterLoad: perEvent(afterLoad - before),
    heapBytesPerEvent: perEvent(after - before),
  };
}
