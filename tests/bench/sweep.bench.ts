import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import {
  DEFAULT_SWEEP,
  runSweep,
  runSweepPoint,
  sweepPoints,
  sweepScenario,
  type PointRunner,
  type SweepPoint,
  type SweepPointSpec,
  type SweepRequest,
} from '../../src/analysis';
import { createMetricsEngine } from '../../src/engine/metrics-engine';
import { median } from './stats';

/**
 * The sweep in Node (`node scripts/run-bundled.mjs tests/bench/sweep.bench.ts`):
 * the default request (1 to 64 VMs at chains of 4, chains of 1 to 16 at 16
 * VMs, 10,000 raises per point) and the heaviest corner (64 VMs with chains of
 * 16), each on one thread and on two worker threads the way the page spreads
 * points over two Web Workers. Prints one JSON document; nothing is asserted.
 * Target (issues 4 and 15): the sweep within 1.5 s.
 *
 * Knobs: BENCH_RUNS (default 3), BENCH_RAISES (default 10,000).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RAISES = Number(process.env.BENCH_RAISES ?? DEFAULT_SWEEP.raises);

interface Job {
  request: SweepRequest;
  spec: SweepPointSpec;
}

if (!isMainThread) {
  // A worker thread: computes the points it is sent, like a Web Worker session.
  parentPort!.on('message', (job: Job & { id: number }) => {
    parentPort!.postMessage({ id: job.id, point: runSweepPoint(job.request, job.spec) });
  });
} else {
  void main();
}

function threadRunner(): {
  run: PointRunner;
  bind(r: SweepRequest): PointRunner;
  close(): Promise<number>;
} {
  const worker = new Worker(fileURLToPath(import.meta.url));
  const waiting = new Map<number, (p: SweepPoint) => void>();
  let next = 0;
  worker.on('message', (m: { id: number; point: SweepPoint }) => {
    waiting.get(m.id)?.(m.point);
    waiting.delete(m.id);
  });
  let request: SweepRequest = DEFAULT_SWEEP;
  const run: PointRunner = (spec) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ id, request, spec });
    });
  return {
    run,
    bind(r) {
      request = r;
      return run;
    },
    close: () => worker.terminate(),
  };
}

/** Events of one point (as many as its trace would hold), counted by running it once more (not timed). */
function eventsOf(r: SweepRequest, spec: SweepPointSpec): number {
  const run = createMetricsEngine(
    sweepScenario({ ...spec, raises: r.raises, meanGapNs: r.meanGapNs, seed: r.seed }),
  );
  run.runTo(Infinity);
  return run.events;
}

async function timeSweep(r: SweepRequest, runners: PointRunner[]): Promise<number> {
  const start = performance.now();
  const out = await runSweep(r, runners, () => {});
  if (out.cancelled) throw new Error('sweep did not finish');
  return performance.now() - start;
}

async function measure(label: string, r: SweepRequest) {
  const specs = sweepPoints(r);
  const perPoint = specs.map((spec) => {
    const start = performance.now();
    runSweepPoint(r, spec);
    return { spec, ms: performance.now() - start };
  });
  const events = specs.reduce((n, s) => n + eventsOf(r, s), 0);
  const oneThread: number[] = [];
  const twoThreads: number[] = [];
  const local: PointRunner = async (spec) => runSweepPoint(r, spec);
  const threads = [threadRunner(), threadRunner()];
  try {
    for (let i = 0; i < RUNS; i++) {
      oneThread.push(await timeSweep(r, [local]));
      twoThreads.push(
        await timeSweep(
          r,
          threads.map((t) => t.bind(r)),
        ),
      );
    }
  } finally {
    await Promise.all(threads.map((t) => t.close()));
  }
  const slowest = [...perPoint].sort((a, b) => b.ms - a.ms)[0]!;
  return {
    label,
    points: specs.length,
    raisesPerPoint: r.raises,
    events,
    oneThreadMs: Math.round(median(oneThread)),
    twoThreadsMs: Math.round(median(twoThreads)),
    eventsPerSecondOneThread: Math.round((events * 1000) / median(oneThread)),
    slowestPoint: { ...slowest.spec, ms: Math.round(slowest.ms) },
  };
}

async function main(): Promise<void> {
  const request: SweepRequest = { ...DEFAULT_SWEEP, raises: RAISES };
  const corner: SweepRequest = { ...request, chainForVmAxis: 16, vmsForChainAxis: 64 };
  runSweepPoint({ ...request, raises: 500 }, sweepPoints(request)[0]!); // warm-up
  const results = [
    await measure('default request', request),
    await measure('64 VMs x 16 ISRs corner', corner),
  ];
  console.log(
    JSON.stringify(
      {
        benchmark: 'sweep, metrics only (no trace kept)',
        runs: RUNS,
        results,
        targets: { sweepMs: 1500 },
      },
      null,
      2,
    ),
  );
}
