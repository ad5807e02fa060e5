/**
 * UI benchmarks in headless Chromium (`npm run bench:ui`). Prints one JSON
 * document on stdout (progress goes to stderr). Nothing here is asserted:
 * each figure is reported next to its target, with `withinTarget`.
 *
 * The browser is the e2e tests' one (tests/e2e/support/browser.ts: same
 * binary, flags, fresh profile and 1440x900 viewport). Headless Chromium runs
 * with --disable-gpu, so painting is done in software.
 *
 * 1. Step latency (step-latency.ts). The production build (startAppServer:
 *    vite build into dist/, served by vite preview) opened on
 *    `?preset=fig3-broadcast` and on `?preset=scale-32-vms`. After the graph,
 *    the narration ("At the start") and the status line ("0 / N") are shown,
 *    ArrowRight is pressed 120 times with page.keyboard.press, one press at a
 *    time, walking from cursor 0 (Home, unmeasured, when the end is reached).
 *    Each press is timed in the page from the keydown event's timeStamp (kept
 *    by a capture listener on window, which runs before the app's listener) to
 *      - commit: a MutationObserver on the status line sees the new cursor
 *        (the status and the narration render from the same frame, so this is
 *        the React commit of the new frame, worker round trip included);
 *      - paint: the first requestAnimationFrame callback after that commit
 *        posts a message on a MessageChannel; the message is handled once that
 *        frame's style, layout and paint are done, so its time is when the
 *        frame went to the compositor.
 *    `dispatchMedianMs` is how long the key event waited before the page saw
 *    it. p50/p95/max per run; the headline is the median over the runs.
 *    Targets: p95 <= 16 ms (fig3-broadcast, 3 VMs), <= 33 ms (32 VMs).
 *    The floor (step-floor.ts): the same probe on a bare page whose ArrowRight
 *    listener changes one text node; every step figure also reports its p95
 *    as a ratio to the floor's p95 of the same run (target: paint <= 1.3).
 *    The same 60 steps (at most) in a 100 MB trace (imported-trace.ts: the
 *    seek benchmark's machine with 38,500 raises, about 1.17M events, written
 *    to a temporary file and opened with the Open file input).
 * 2. Play frame rate (play-fps.ts). Speed 8x (the "Speed" select), Space to
 *    play, then requestAnimationFrame timestamps for 3 s sampled from
 *    page.evaluate, Space to stop. fps = 1000 / median frame interval; also
 *    the share of intervals over 20 ms. A run that reaches its end is started
 *    again by clicking Play, so every sampled frame is a playing frame.
 *    Target: >= 55 fps.
 * 2b. Timeline pan (timeline-pan.ts). The production app opened on a share
 *    link holding the seek benchmark's machine with 3,300 raises (about
 *    100,000 events; the exact count is reported). Every lane group expanded,
 *    the lanes zoomed 32x ("+" five times on the focused lanes), then the
 *    mouse drags the lanes left and right (12 px per move, page.mouse) while
 *    requestAnimationFrame timestamps are sampled for 3 s. fps = 1000 /
 *    median frame interval; `movedFrames` counts frames that drew a new window.
 *    Target: >= 55 fps.
 * 3. Seek in a 1,000,000-event trace (seek.ts). A Vite dev server (createServer,
 *    the project's vite.config.ts, a free port) serves a blank page; the page
 *    imports /src/trace-io/index.ts (normalizeScenario) and
 *    /src/client/worker-handle.ts (createWorkerHandle) by path, loads the scenario of
 *    million-scenario.ts (about 1,000,000 events; the exact count is
 *    reported), times api.load, then 200 api.frameAt(cursor) round trips to
 *    cursors from a fixed-seed PRNG (performance.now() in the page; the first
 *    10 cursors are also seeked once untimed, as warm-up). The same through the
 *    main-thread API (/src/worker/local.ts) for comparison. Target: p95 <= 50 ms.
 * 4. Initial JavaScript (bundle-size.ts). Every `<script src>` and
 *    `<link rel="modulepreload">` of dist/index.html (not the worker chunk nor
 *    lazily imported chunks), gzipped with node:zlib at the default level and at
 *    level 9, in KB (1024 bytes). Target: <= 180 KB gzipped.
 *
 * 4b. Opening a 100 MB trace (import-open.ts). The trace of imported-trace.ts
 *    (about 1.17M events) opened with the Open file input on the default
 *    preset's page; timed in the page from the input's change event to the
 *    first painted frame with the graph and "0 / N" shown (median of the runs),
 *    with every main-thread long task (PerformanceObserver 'longtask',
 *    buffered) in between and in the 2 s after, and when the progress dialog
 *    first names each stage of the reading. Targets: <= 4 s, no task over
 *    50 ms. `BENCH_UI_ONLY=open` measures only this.
 *
 * 5. Sweep (sweep.ts). The production app, the Compare workspace, the default
 *    sweep request (24 points, 10,000 raises each) run by clicking "Run sweep",
 *    timed in the page until the status reads done. Target: <= 1.5 s.
 *
 * Knobs: BENCH_UI_RUNS (runs per figure, default 3), BENCH_UI_STEPS (120),
 * BENCH_UI_SEEKS (200), BENCH_UI_SKIP_BUILD=1 (serve the existing dist/),
 * BENCH_UI_ROOT (with BENCH_UI_SKIP_BUILD=1: serve another checkout's dist/, to
 * compare two versions on one machine),
 * BENCH_UI_ONLY (a comma-separated subset of the figures, default all):
 *   step (the floor and both presets), import (the floor and the 100 MB
 *   trace), open (opening the 100 MB trace: time and long tasks), play, pan
 *   (timeline pan), sweep, seek, js (initial JavaScript).
 *   `BENCH_UI_ONLY=step,play BENCH_UI_RUNS=1` is a quick look; a figure left
 *   out is absent from the JSON.
 */
import { join } from 'node:path';
import { launchBrowser, type LaunchedBrowser } from '../../e2e/support/browser';
import { PROJECT_ROOT, startAppServer, type AppServer } from '../../e2e/support/server';
import { INITIAL_JS_TARGET_KB, measureInitialJs } from './bundle-size';
import { measureImportOpen } from './import-open';
import { startDevServer, type DevServer } from './dev-server';
import { describeEnvironment } from './environment';
import { startStealMeter } from '../steal';
import { progress, round } from './percentiles';
import { measurePlayFps } from './play-fps';
import { measureSeek } from './seek';
import { measureStepLatency, type StepLatencyResult } from './step-latency';
import { openFloorPage } from './step-floor';
import { traceOpener, writeTraceFile } from './imported-trace';
import { measureSweep } from './sweep';
import { measureTimelinePan } from './timeline-pan';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 3);
const STEPS = Number(process.env.BENCH_UI_STEPS ?? 120);
const SEEKS = Number(process.env.BENCH_UI_SEEKS ?? 200);
const SKIP_BUILD = process.env.BENCH_UI_SKIP_BUILD === '1';
const ROOT = process.env.BENCH_UI_ROOT;
const SWEEP_TARGET_MS = 1500;

const FIGURES = ['step', 'import', 'open', 'play', 'pan', 'sweep', 'seek', 'js'] as const;
type Figure = (typeof FIGURES)[number];

/** The figures BENCH_UI_ONLY names (all when unset); an unknown name stops the run. */
function chosenFigures(value: string | undefined): ReadonlySet<Figure> {
  if (value === undefined || value.trim() === '') return new Set(FIGURES);
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(FIGURES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_UI_ONLY: unknown figure ${unknown.join(', ')}; choose from ${FIGURES.join(', ')}`,
    );
  }
  return new Set(names as Figure[]);
}

const ONLY = chosenFigures(process.env.BENCH_UI_ONLY);

const PRESETS = [
  { preset: 'fig3-broadcast', label: 'default (3 VMs)', targetP95Ms: 16 },
  { preset: 'scale-32-vms', label: '32 VMs, 16 devices', targetP95Ms: 33 },
] as const;

async function main(): Promise<void> {
  let app: AppServer | undefined;
  let dev: DevServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    progress(SKIP_BUILD ? 'serving the existing dist/' : 'building dist/ and serving it');
    app = await startAppServer(
      SKIP_BUILD ? { skipBuild: true, root: ROOT } : { outDir: join(PROJECT_ROOT, 'dist') },
    );
    const initialJs = ONLY.has('js')
      ? measureInitialJs(join(ROOT ?? PROJECT_ROOT, 'dist'), INITIAL_JS_TARGET_KB)
      : undefined;
    browser = await launchBrowser();
    const environment = await describeEnvironment(browser);
    const wholeRun = startStealMeter();

    // Opening a 100 MB trace, from the file choice to its first draw, with the long tasks.
    let importOpen = null;
    if (ONLY.has('open')) {
      progress('writing a 100 MB trace file');
      const file = await writeTraceFile();
      try {
        importOpen = await measureImportOpen(browser, app.url, file, {
          runs: RUNS,
          afterMs: 2000,
          targetOpenMs: 4000,
          targetLongestTaskMs: 50,
        });
      } finally {
        file.remove();
      }
    }

    // The floor: the same probe on a bare page that changes one text node per key.
    const floor =
      ONLY.has('step') || ONLY.has('import')
        ? await measureStepLatency(browser, app.url, 'floor (bare page)', {
            steps: STEPS,
            runs: RUNS,
            targetP95Ms: 16,
            open: openFloorPage,
          })
        : undefined;
    const ratios = (r: StepLatencyResult) => ({
      paintP95ToFloor: round(r.paintMs.p95 / Math.max(0.1, floor?.paintMs.p95 ?? 0), 2),
      commitP95ToFloor: round(r.commitMs.p95 / Math.max(0.1, floor?.commitMs.p95 ?? 0), 2),
      targetPaintRatio: 1.3,
    });
    const stepLatency = [];
    if (ONLY.has('step')) {
      for (const p of PRESETS) {
        const r = await measureStepLatency(browser, app.url, p.preset, {
          steps: STEPS,
          runs: RUNS,
          targetP95Ms: p.targetP95Ms,
        });
        stepLatency.push({ label: p.label, ...r, ...ratios(r) });
      }
    }
    if (ONLY.has('import')) {
      progress('writing a 100 MB trace file');
      const file = await writeTraceFile();
      try {
        const r = await measureStepLatency(browser, app.url, 'imported trace', {
          steps: Math.min(STEPS, 60),
          runs: RUNS,
          targetP95Ms: 16,
          open: traceOpener(app.url, file),
        });
        stepLatency.push({ label: `imported ${file.megabytes} MB trace`, ...r, ...ratios(r) });
      } finally {
        file.remove();
      }
    }
    const playFrameRate = [];
    if (ONLY.has('play')) {
      for (const p of PRESETS) {
        playFrameRate.push({
          label: p.label,
          ...(await measurePlayFps(browser, app.url, p.preset, {
            sampleMs: 3000,
            runs: RUNS,
            targetFps: 55,
          })),
        });
      }
    }
    const timelinePan = ONLY.has('pan')
      ? await measureTimelinePan(browser, app.url, { sampleMs: 3000, runs: RUNS, targetFps: 55 })
      : undefined;
    const sweep = ONLY.has('sweep')
      ? await measureSweep(browser, app.url, { runs: RUNS, targetMs: SWEEP_TARGET_MS })
      : undefined;
    await app.close();
    app = undefined;

    let seek;
    if (ONLY.has('seek')) {
      progress('starting the Vite dev server');
      dev = await startDevServer();
      seek = await measureSeek(browser, dev, {
        seeks: SEEKS,
        warmup: 10,
        runs: RUNS,
        targetMs: 50,
      });
    }

    const report = {
      benchmark: 'INTx Lab UI in headless Chromium',
      date: new Date().toISOString(),
      environment,
      // CPU time the host gave to other machines meanwhile: the figures are slower when high.
      hostStealPercent: wholeRun.read(),
      figures: [...ONLY],
      stepFloor: floor,
      stepLatency: stepLatency.length > 0 ? stepLatency : undefined,
      playFrameRate: playFrameRate.length > 0 ? playFrameRate : undefined,
      timelinePan,
      seek,
      sweep,
      initialJs,
      importOpen,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser?.close();
    await dev?.close();
    await app?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
