import { createColumnEngine } from '../../src/engine/column-engine';
import { createEngine } from '../../src/engine/engine';
import type { TraceEvent } from '../../src/engine/events';
import { createMetricsEngine } from '../../src/engine/metrics-engine';
import { EventStore } from '../../src/worker/event-store';
import { largeScenario } from './large-scenario';
import { measureSessionStore } from './session-store';
import { median } from './stats';
import { startStealMeter } from './steal';

/**
 * Engine throughput, in one process and one run of each figure:
 * - traced: the engine making every event object, kept in an array, against a
 *   bare loop that only appends an equivalent plain object to an array (same
 *   process, same runs), and the heap each kept event object costs;
 * - traced into the columnar store: the same events kept the way the worker
 *   keeps a run (src/worker/event-store.ts), and the bytes each costs there,
 *   two ways: each event object made and then packed (`tracedIntoColumns`),
 *   and written straight into the columns by the column sink, no object made
 *   (`tracedThroughColumnSink`: the worker's path, "the engine with its trace");
 * - metrics only: the engine with its metrics sink (no event made or kept),
 *   counting the events the traced run emits, with its speed-up over the
 *   traced run of the same process, and again in a process of its own (as
 *   Compare's and the sweep's workers run it: `metricsOnly.ownProcess`).
 * Each is timed by the wall clock and by this process's CPU time (the machine
 * may be shared: CPU time is what the engine itself used). Prints one JSON document.
 * Targets (issue 15): the engine with its trace (`tracedThroughColumnSink`)
 * >= 4,000,000 events/s and <= 40 bytes per kept event, metrics only >=
 * 20,000,000 events/s.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RAISES = Number(process.env.BENCH_RAISES ?? 100_000);

interface Timed {
  events: number;
  ms: number;
  cpuMs: number;
}

function timed(run: () => number): Timed {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const events = run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { events, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function keepObjects(policy: 'broadcast' | 'selective', raises: number): TraceEvent[] {
  const engine = createEngine(largeScenario(policy, raises));
  const events: TraceEvent[] = [];
  for (let ev = engine.step(); ev !== null; ev = engine.step()) events.push(ev);
  return events;
}

function keepColumns(raises: number): EventStore {
  const engine = createEngine(largeScenario('selective', raises));
  const store = new EventStore();
  for (let ev = engine.step(); ev !== null; ev = engine.step()) store.push(ev);
  store.trim();
  return store;
}

/** The worker's path (src/worker/session.ts `load`): the column sink writes each event. */
function columnSink(raises: number): EventStore {
  const store = new EventStore();
  const engine = createColumnEngine(largeScenario('selective', raises), store);
  while (engine.step());
  store.trim();
  return store;
}

function metricsOnly(raises: number, policy: 'broadcast' | 'selective' = 'selective'): number {
  const run = createMetricsEngine(largeScenario(policy, raises));
  run.runTo(Infinity);
  return run.events;
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

/**
 * A full collection, and time for the array buffers it freed to be given back:
 * their backing stores are released after the collection, so reading
 * `arrayBuffers` at once would still count a store let go just before.
 */
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
}

/** Heap (and array buffers) kept per event by what `keep` returns, or null without --expose-gc. */
async function retainedBytesPerEvent(keep: () => { length: number }): Promise<number | null> {
  if (!(globalThis as { gc?: unknown }).gc) return null;
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  await settle();
  const before = used();
  const kept = keep();
  await settle();
  const bytes = (used() - before) / kept.length;
  return kept.length > 0 ? Math.round(bytes) : null;
}

const perSecond = (events: number, ms: number): number => Math.round((events * 1000) / ms);

function summarizeRuns(runs: Timed[]) {
  const ns = runs.map((r) => (r.ms * 1e6) / r.events);
  const cpuNs = runs.map((r) => (r.cpuMs * 1e6) / r.events);
  return {
    eventsPerSecond: Math.round(1e9 / median(ns)),
    cpuEventsPerSecond: Math.round(1e9 / median(cpuNs)),
    nsPerEvent: Number(median(ns).toFixed(1)),
  };
}

/**
 * The metrics-only run as Compare and the sweep run it: in a process that runs
 * nothing else (their sessions are workers of their own, src/client/analysis-pool.ts),
 * so V8 compiles the handlers for the metrics sink alone. This process runs the
 * traced engines first, and their feedback (the sink's hand-on to a recorder) stays
 * in the shared handlers. Measured in a child process of this bench: the same file.
 */
async function metricsOnlyOwnProcess(): Promise<Record<string, number>> {
  const { spawnSync } = await import('node:child_process');
  const script = process.argv[1];
  if (script === undefined) throw new Error('no script path to run the child with');
  // Without --expose-gc: no forced collection between runs, as in a worker (measured:
  // a full collection before each run shrinks the young generation again, and the run
  // then scavenges more often, 25% slower).
  const flags = process.execArgv.filter((f) => f !== '--expose-gc');
  const r = spawnSync(process.execPath, [...flags, script], {
    env: { ...process.env, BENCH_METRICS_CHILD: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`metrics-only child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

if (process.env.BENCH_METRICS_CHILD === '1') {
  metricsOnly(5_000);
  const runs: Timed[] = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    runs.push(timed(() => metricsOnly(RAISES)));
  }
  gc();
  const b = timed(() => metricsOnly(Math.round(RAISES / 10), 'broadcast'));
  console.log(
    JSON.stringify({
      ...summarizeRuns(runs),
      broadcastEventsPerSecond: perSecond(b.events, b.ms),
    }),
  );
  process.exit(0);
}

const traced: Timed[] = [];
const columns: Timed[] = [];
const metrics: Timed[] = [];
const sinkColumns: Timed[] = [];
const sinkRatios: number[] = [];
const bareNsPerEvent: number[] = [];
const ratios: number[] = [];
const speedUps: number[] = [];
const steal = startStealMeter();
// Warm-up of every path.
keepObjects('selective', 5_000);
keepColumns(5_000);
columnSink(5_000);
metricsOnly(5_000);
for (let r = 0; r < RUNS; r++) {
  gc();
  const t = timed(() => keepObjects('selective', RAISES).length);
  gc();
  const bareMs = bareLoop(t.events);
  gc();
  const c = timed(() => keepColumns(RAISES).length);
  gc();
  const k = timed(() => columnSink(RAISES).length);
  if (k.events !== t.events) throw new Error(`column sink wrote ${k.events} of ${t.events}`);
  sinkColumns.push(k);
  sinkRatios.push(k.ms / bareMs);
  gc();
  const m = timed(() => metricsOnly(RAISES));
  if (m.events !== t.events) throw new Error(`metrics-only counted ${m.events} of ${t.events}`);
  traced.push(t);
  columns.push(c);
  metrics.push(m);
  bareNsPerEvent.push((bareMs * 1e6) / t.events);
  ratios.push(t.ms / bareMs);
  speedUps.push(t.ms / m.ms);
}
const broadcastRaises = Math.round(RAISES / 10);
// Like the runs above: the broadcast paths warmed up, and each run after a collection, so
// that neither pays for the other's garbage (the traced run leaves millions of events).
keepObjects('broadcast', 500);
metricsOnly(500, 'broadcast');
gc();
const broadcast = timed(() => keepObjects('broadcast', broadcastRaises).length);
gc();
const broadcastMetrics = timed(() => metricsOnly(broadcastRaises, 'broadcast'));
const objectBytes = await retainedBytesPerEvent(() => keepObjects('selective', RAISES));
const packedBytes = await retainedBytesPerEvent(() => keepColumns(RAISES));
const sinkBytes = await retainedBytesPerEvent(() => columnSink(RAISES));
const workerStore = await measureSessionStore(RAISES);
const ownProcess = await metricsOnlyOwnProcess();
console.log(
  JSON.stringify(
    {
      scenario: '64 VMs, 16 devices on one level line, chains of 8, selective',
      // CPU time the host gave to other machines meanwhile: the figures are slower when high.
      hostStealPercent: steal.read(),
      raises: RAISES,
      events: traced[0]?.events ?? 0,
      runs: RUNS,
      // The engine's events as objects, kept in an array.
      ...summarizeRuns(traced),
      bareAppendNsPerEvent: Number(median(bareNsPerEvent).toFixed(1)),
      ratioToBareAppend: Number(median(ratios).toFixed(2)),
      bytesPerRetainedEvent: objectBytes,
      // The same events kept in the worker's columnar store.
      tracedIntoColumns: {
        ...summarizeRuns(columns),
        bytesPerRetainedEvent: packedBytes,
      },
      // The engine with its trace, as the worker records a run: the column sink writes each
      // event into the columnar store, no event object made (objects are rebuilt on demand),
      // and the metrics sink counts the run's summary beside it.
      tracedThroughColumnSink: {
        ...summarizeRuns(sinkColumns),
        ratioToBareAppend: Number(median(sinkRatios).toFixed(2)),
        bytesPerRetainedEvent: sinkBytes,
      },
      // No event made or kept: the summary counted from the engine's emit points.
      metricsOnly: {
        ...summarizeRuns(metrics),
        speedUpOverTraced: Number(median(speedUps).toFixed(2)),
        // In a process of its own, as Compare's and the sweep's workers run it.
        ownProcess,
      },
      // The page's copy of a run, in the worker: columnar store plus snapshots.
      workerStore,
      broadcast: {
        raises: broadcastRaises,
        events: broadcast.events,
        eventsPerSecond: perSecond(broadcast.events, broadcast.ms),
        metricsOnlyEventsPerSecond: perSecond(broadcastMetrics.events, broadcastMetrics.ms),
      },
      targets: {
        eventsPerSecond: 4_000_000,
        bytesPerRetainedEvent: 40,
        metricsOnlyEventsPerSecond: 20_000_000,
        ratioToBareAppend: 8,
      },
    },
    null,
    2,
  ),
);
