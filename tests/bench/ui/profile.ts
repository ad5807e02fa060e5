/**
 * Where a step's main-thread time goes (`npx tsx tests/bench/ui/profile.ts`),
 * as a companion to the step and play figures of run.ts: the same app, steps
 * or 8x play on one preset, recorded with Chromium's own instruments over CDP:
 *   - Tracing (devtools.timeline): the renderer main thread's time per trace
 *     event name (script, style, layout, paint...), inclusive, per step, as
 *     wall time and as thread CPU time (the figure to compare on a busy machine);
 *   - Profiler: JavaScript self time per function, the top entries.
 * Prints one JSON document. Serves the existing dist/ (run `npm run build`
 * first, or run.ts once). Knobs: PROFILE_PRESET (fig3-broadcast; `imported`:
 * run.ts's 100 MB trace, opened with the Open file input),
 * PROFILE_MODE (step | play), PROFILE_STEPS (60), PROFILE_TOP (25), PROFILE_ROOT
 * (another checkout whose dist/ to serve, to compare two versions on one machine).
 * What each step repaints (elements, layers, tiles): paint-profile.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { focusPage, shownCursor, waitForCursor } from './app-page';
import { recordTrace, rendererMain, type TraceEvent } from './chrome-trace';
import { runProfile } from './profile-page';
import { progress, round } from './percentiles';

const PRESET = process.env.PROFILE_PRESET ?? 'fig3-broadcast';
const MODE = process.env.PROFILE_MODE === 'play' ? 'play' : 'step';
const STEPS = Number(process.env.PROFILE_STEPS ?? 60);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
/** Short enough that 8x play does not reach the end of fig3-broadcast (165 events). */
const PLAY_MS = 2000;

/** Trace event names worth a line: the frame's stages and what runs script. */
const STAGES = [
  'RunTask',
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'v8.callFunction',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
];

interface Totals {
  ms: number;
  cpuMs: number;
  count: number;
}

/** The top-level task events of every thread: what each thread spent, raster and compositor included. */
const THREAD_TASKS = ['ThreadControllerImpl::RunTask', 'TaskGraphRunner::RunTask'];

function add(map: Map<string, Totals>, key: string, e: TraceEvent): void {
  const t = map.get(key) ?? { ms: 0, cpuMs: 0, count: 0 };
  t.ms += (e.dur ?? 0) / 1000;
  t.cpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
  t.count += 1;
  map.set(key, t);
}

async function trace(
  session: CDPSession,
  run: () => Promise<void>,
): Promise<{ stages: Map<string, Totals>; threads: Map<string, Totals> }> {
  const events = await recordTrace(session, run);
  const main = rendererMain(events);
  const stages = new Map<string, Totals>();
  for (const e of events) {
    if (e.ph === 'X' && `${e.pid}:${e.tid}` === main && STAGES.includes(e.name))
      add(stages, e.name, e);
  }
  // Threads by name, summed over the processes (raster workers are several threads).
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  }
  const threads = new Map<string, Totals>();
  for (const e of events) {
    if (e.ph !== 'X' || !THREAD_TASKS.includes(e.name)) continue;
    add(threads, names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, e);
  }
  return { stages, threads };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file and line), the `top` largest, in ms. */
function selfTimes(profile: CpuProfile, top: number): { fn: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms: round(ms, 1) }));
}

async function steps(page: Page, count: number): Promise<number> {
  let cursor = await shownCursor(page);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowRight');
    cursor += 1;
    await waitForCursor(page, cursor);
    // Let the frame paint before the next press, as a person's presses would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return count;
}

/** Plays at 8x for PLAY_MS; returns the steps shown (the frames the app drew anew). */
async function play(page: Page): Promise<number> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await focusPage(page);
  const from = await shownCursor(page);
  await page.keyboard.press(' ');
  await page.waitForTimeout(PLAY_MS);
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return (await shownCursor(page)) - from;
}

runProfile(PRESET, async (page) => {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  progress(`profiling ${MODE} on ${PRESET}`);
  let moved = 0;
  const { stages: totals, threads } = await trace(session, async () => {
    await session.send('Profiler.start');
    moved = MODE === 'play' ? await play(page) : await steps(page, STEPS);
  });
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: CpuProfile;
  };
  const per = Math.max(1, moved);
  const stages = Object.fromEntries(
    STAGES.filter((n) => totals.has(n)).map((n) => {
      const t = totals.get(n)!;
      return [
        n,
        {
          msPerStep: round(t.ms / per, 2),
          cpuMsPerStep: round(t.cpuMs / per, 2),
          count: t.count,
        },
      ];
    }),
  );
  const perThread = Object.fromEntries(
    [...threads.entries()]
      .sort((a, b) => b[1].cpuMs - a[1].cpuMs)
      .map(([n, t]) => [n, { cpuMsPerStep: round(t.cpuMs / per, 2), count: t.count }]),
  );
  const report = {
    preset: PRESET,
    mode: MODE,
    steps: moved,
    stages,
    threads: perThread,
    selfMs: selfTimes(profile, TOP),
  };
  return report;
});
