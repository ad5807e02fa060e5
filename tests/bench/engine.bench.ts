import { createEngine } from '../../src/engine/engine';
import type { TraceEvent } from '../../src/engine/events';
import { largeScenario } from './large-scenario';
import { measureSessionStore } from './session-store';
import { median } from './stats';

/**
 * Engine throughput with the trace recorded, against a bare loop that only
 * appends an equivalent plain object to an array (same process, same runs),
 * and the memory each retained event costs. Prints one JSON document.
 * Targets (issue 2): >= 2,000,000 events/s, ratio <= 8.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RAISES = Number(process.env.BENCH_RAISES ?? 100_000);

function runEngine(
  policy: 'broadcast' | 'selective',
  raises: number,
): { events: TraceEvent[]; ms: number } {
  const scenario = largeScenario(policy, raises);
  const start = performance.now();
  const engine = createEngine(scenario);
  const events: TraceEvent[] = [];
  for (let ev = engine.step(); ev !== null; ev = engine.step()) events.push(ev);
  return { events, ms: performance.now() - start };
}

function bareLoop(n: number): number {
  const start = performance.now();
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ seq: i, t: i * 100, type: 'device.status', device: 'dev0', value: i & 1 });
  }
  const ms = performance.now() - start;
  if (out.length !== n) throw new Error('unreachable');
  return ms;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function retainedBytesPerEvent(): number | null {
  if (!(globalThis as { gc?: unknown }).gc) return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const { events } = runEngine('selective', RAISES);
  gc();
  const after = process.memoryUsage().heapUsed;
  const bytes = (after - before) / events.length;
  return events.length > 0 ? Math.round(bytes) : null;
}

const engineNsPerEvent: number[] = [];
const bareNsPerEvent: number[] = [];
const ratios: number[] = [];
let eventCount = 0;
runEngine('selective', 5_000); // warm-up
for (let r = 0; r < RUNS; r++) {
  gc();
  const { events, ms } = runEngine('selective', RAISES);
  eventCount = events.length;
  gc();
  const bareMs = bareLoop(events.length);
  const e = (ms * 1e6) / events.length;
  const b = (bareMs * 1e6) / events.length;
  engineNsPerEvent.push(e);
  bareNsPerEvent.push(b);
  ratios.push(e / b);
}
const broadcast = runEngine('broadcast', Math.round(RAISES / 10));
const workerStore = await measureSessionStore(RAISES);
const medianEngine = median(engineNsPerEvent);
console.log(
  JSON.stringify(
    {
      scenario: '64 VMs, 16 devices on one level line, chains of 8, selective',
      raises: RAISES,
      events: eventCount,
      runs: RUNS,
      eventsPerSecond: Math.round(1e9 / medianEngine),
      engineNsPerEvent: Number(medianEngine.toFixed(1)),
      bareAppendNsPerEvent: Number(median(bareNsPerEvent).toFixed(1)),
      ratioToBareAppend: Number(median(ratios).toFixed(2)),
      bytesPerRetainedEvent: retainedBytesPerEvent(),
      // The page's copy of a run, in the worker: columnar store plus snapshots.
      workerStore,
      broadcast: {
        raises: Math.round(RAISES / 10),
        events: broadcast.events.length,
        eventsPerSecond: Math.round((broadcast.events.length * 1000) / broadcast.ms),
      },
      targets: { eventsPerSecond: 2_000_000, ratioToBareAppend: 8 },
    },
    null,
    2,
  ),
);
