import type { Page } from 'playwright-core';
import type { SimApi } from '../../../src/protocol/api';
import type * as TraceIo from '../../../src/trace-io';
import type * as WorkerClient from '../../../src/client/worker-handle';
import type * as LocalApi from '../../../src/worker/local';
import { SNAPSHOT_EVERY } from '../../../src/worker/session';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { newBenchPage } from './app-page';
import { BLANK_PAGE, type DevServer } from './dev-server';
import { millionEventScenario, MILLION_RAISES, seededFractions } from './million-scenario';
import { medianSpread, progress, round, spread, type Spread } from './percentiles';

/** Module paths as the dev server serves them (imported from the page, not from Node). */
const MODULES = {
  traceIo: '/src/trace-io/index.ts',
  worker: '/src/client/worker-handle.ts',
  local: '/src/worker/local.ts',
} as const;

type Mode = 'worker' | 'main-thread';

interface PageRun {
  eventCount: number;
  /** First call to a fresh API (worker: module start-up in the dev server). */
  startMs: number;
  /** api.load(scenario): simulate to the end, fold the view snapshots. */
  loadMs: number;
  /** Each seek's round trip, in order. */
  seekMs: number[];
  /** Seeks whose frame came back at another cursor than asked (should be 0). */
  wrongCursor: number;
}

function runInPage(
  page: Page,
  mode: Mode,
  doc: Record<string, unknown>,
  fractions: number[],
  warmup: number,
): Promise<PageRun> {
  return page.evaluate(
    async ({ mode, doc, fractions, warmup, modules }) => {
      const io = (await import(modules.traceIo)) as typeof TraceIo;
      const parsed = io.normalizeScenario(doc);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      let api: SimApi;
      let terminate = () => {};
      if (mode === 'worker') {
        const client = (await import(modules.worker)) as typeof WorkerClient;
        ({ api, terminate } = client.createWorkerHandle());
      } else {
        const local = (await import(modules.local)) as typeof LocalApi;
        api = local.createLocalApi();
      }
      try {
        let t = performance.now();
        await api.cursorAtTime(0);
        const startMs = performance.now() - t;
        t = performance.now();
        const info = await api.load(parsed.value);
        const loadMs = performance.now() - t;
        const cursors = fractions.map((u) => Math.floor(u * (info.eventCount + 1)));
        for (const c of cursors.slice(0, warmup)) await api.frameAt(c);
        const seekMs: number[] = [];
        let wrongCursor = 0;
        for (const c of cursors) {
          t = performance.now();
          const frame = await api.frameAt(c);
          seekMs.push(performance.now() - t);
          if (frame.cursor !== c) wrongCursor += 1;
        }
        return { eventCount: info.eventCount, startMs, loadMs, seekMs, wrongCursor };
      } finally {
        terminate();
      }
    },
    { mode, doc, fractions, warmup, modules: MODULES },
  );
}

export interface SeekRun {
  startMs: number;
  loadMs: number;
  seekMs: Spread & { median: number };
  wrongCursor: number;
}

export interface SeekModeResult {
  runs: number;
  /** Medians over the runs. */
  startMs: number;
  loadMs: number;
  seekMs: Spread;
  perRun: SeekRun[];
}

export interface SeekResult {
  scenario: string;
  raises: number;
  eventCount: number;
  snapshotEvery: number;
  seeks: number;
  warmupSeeks: number;
  prngSeed: string;
  server: string;
  worker: SeekModeResult;
  mainThread: SeekModeResult;
  targetMs: number;
  /** Whether the worker's headline p95 is within the target (reported, never asserted). */
  withinTarget: boolean;
}

const SEED = 0x5eed1234;

export async function measureSeek(
  browser: LaunchedBrowser,
  dev: DevServer,
  options: { seeks: number; warmup: number; runs: number; targetMs: number },
): Promise<SeekResult> {
  const doc = millionEventScenario();
  // The first `warmup` cursors are seeked once untimed, then all are timed.
  const fractions = seededFractions(SEED, options.seeks);
  let eventCount = 0;
  const byMode = async (mode: Mode): Promise<SeekModeResult> => {
    const perRun: SeekRun[] = [];
    for (let r = 0; r < options.runs; r++) {
      progress(`seek, 1M events: ${mode}, run ${r + 1}/${options.runs}`);
      const page = await newBenchPage(browser);
      page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
      try {
        await page.goto(`${dev.origin}${BLANK_PAGE}`, { waitUntil: 'load' });
        const run = await runInPage(page, mode, doc, fractions, options.warmup);
        eventCount = run.eventCount;
        perRun.push({
          startMs: round(run.startMs, 1),
          loadMs: round(run.loadMs, 0),
          seekMs: { ...spread(run.seekMs), median: round(median(run.seekMs), 2) },
          wrongCursor: run.wrongCursor,
        });
      } finally {
        await page.close();
      }
    }
    return {
      runs: options.runs,
      startMs: round(median(perRun.map((r) => r.startMs)), 1),
      loadMs: round(median(perRun.map((r) => r.loadMs)), 0),
      seekMs: medianSpread(perRun.map((r) => r.seekMs)),
      perRun,
    };
  };
  const worker = await byMode('worker');
  const mainThread = await byMode('main-thread');
  return {
    scenario: String(doc.name),
    raises: MILLION_RAISES,
    eventCount,
    snapshotEvery: SNAPSHOT_EVERY,
    seeks: options.seeks,
    warmupSeeks: options.warmup,
    prngSeed: `mulberry32(0x${SEED.toString(16)})`,
    server: 'vite dev server (createServer), modules imported by path from a blank page',
    worker,
    mainThread,
    targetMs: options.targetMs,
    withinTarget: worker.seekMs.p95 <= options.targetMs,
  };
}
