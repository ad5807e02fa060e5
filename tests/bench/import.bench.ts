import { normalizeScenario, serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import type { ImportProgress } from '../../src/protocol/api';
import { millionEventScenario } from './ui/million-scenario';
import { median } from './stats';

/**
 * Opening a large trace file as the page does (bytes -> decode -> JSON ->
 * envelope -> validation -> replay), in the same session class the worker
 * runs. The trace comes from the seek benchmark's scenario, scaled until the
 * file is about TARGET_MB. Prints one JSON document: size, events, the median
 * time of RUNS openings, and the progress reports of the last one (they must
 * only grow). Run: node scripts/run-bundled.mjs tests/bench/import.bench.ts
 */
const TARGET_MB = Number(process.env.BENCH_IMPORT_MB ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function traceText(raises: number): Promise<string> {
  const scenario = normalizeScenario(millionEventScenario(raises));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
  const session = new SimSession();
  await session.load(scenario.value);
  return serializeTrace(await session.trace());
}

async function main(): Promise<void> {
  // Measure a small run to scale the number of raises to the wanted size.
  const probeRaises = 2000;
  const probe = (await traceText(probeRaises)).length;
  const raises = Math.max(1, Math.round((probeRaises * TARGET_MB * 1024 * 1024) / probe));
  const text = await traceText(raises);
  const bytes = new TextEncoder().encode(text);
  const times: number[] = [];
  let reports: ImportProgress[] = [];
  let events = 0;
  let stageStartsMs: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    const copy = bytes.slice().buffer;
    const seen: ImportProgress[] = [];
    const session = new SimSession();
    const start = performance.now();
    const stageStart = new Map<string, number>();
    const result = await session.openFile(copy, 'large.trace.json', (p) => {
      if (!stageStart.has(p.stage)) stageStart.set(p.stage, performance.now() - start);
      seen.push(p);
    });
    times.push(performance.now() - start);
    stageStartsMs = Object.fromEntries([...stageStart].map(([k, v]) => [k, Math.round(v)]));
    if (!result.ok || result.kind !== 'trace') throw new Error(JSON.stringify(result));
    events = result.run.eventCount;
    reports = seen;
  }
  const growing = reports.every((r, i) => i === 0 || r.fraction >= reports[i - 1]!.fraction);
  console.log(
    JSON.stringify(
      {
        fileMB: Number((bytes.byteLength / (1024 * 1024)).toFixed(1)),
        events,
        runs: RUNS,
        openMsMedian: Math.round(median(times)),
        openMs: times.map(Math.round),
        stageStartsMsLastRun: stageStartsMs,
        progressReports: reports.length,
        progressGrowing: growing,
        stages: [...new Set(reports.map((r) => r.stage))],
      },
      null,
      2,
    ),
  );
  if (!growing || reports.at(-1)?.fraction !== 1) process.exitCode = 1;
}

await main();
