/**
 * Where the default sweep's time goes in the page
 * (`npx tsx tests/bench/ui/sweep-profile.ts`, after `npx vite build`): the
 * Compare workspace, "Run sweep" clicked once the workers have answered (after
 * SWEEP_PROFILE_WAIT_MS, default 0, as BENCH_SWEEP_CLICK_AFTER_MS), recorded
 * with Chromium's tracing until the status reads done. Prints one JSON
 * document: the sweep's wall time and, for every thread that ran, its CPU time
 * in tasks over that span (the page's main thread, each worker, the compositor,
 * the GPU process...), so a sweep slower than its workers' share shows who
 * took the cores. PROFILE_ROOT serves another checkout.
 */
import { newBenchPage } from './app-page';
import { recordTrace, runProfile, type TraceEvent } from './chrome-trace';
import { round } from './percentiles';
import { openSweepForm, runSweepInPage } from './sweep';

const WAIT_MS = Number(process.env.SWEEP_PROFILE_WAIT_MS ?? 0);

/** The tasks that are a thread's work: top-level tasks, and a worker's script. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

runProfile(false, async ({ app, browser }) => {
  const page = await newBenchPage(browser);
  await openSweepForm(page, app.url, WAIT_MS);
  const session = await page.context().newCDPSession(page);
  let wallMs = 0;
  const events = await recordTrace<TraceEvent>(session, async () => {
    wallMs = (await runSweepInPage(page)).ms;
  });
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // Tasks nest (a RunTask inside a ThreadControllerImpl::RunTask): count only the outermost.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !TASKS.has(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const cpu = new Map<string, { wall: number; cpu: number; tasks: number }>();
  for (const [key, tasks] of byThread) {
    const t = { wall: 0, cpu: 0, tasks: 0 };
    let end = -Infinity;
    for (const e of tasks.sort((a, b) => a.ts - b.ts)) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      t.wall += (e.dur ?? 0) / 1000;
      t.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
      t.tasks += 1;
    }
    cpu.set(key, t);
  }
  const threads = [...cpu.entries()]
    .map(([key, t]) => ({
      thread: `${names.get(key) ?? '?'} (${key})`,
      cpuMs: round(t.cpu, 0),
      wallMs: round(t.wall, 0),
      tasks: t.tasks,
    }))
    .filter((t) => t.wallMs >= 5)
    .sort((a, b) => b.cpuMs - a.cpuMs);
  await page.close();
  return { waitMs: WAIT_MS, sweepMs: round(wallMs, 0), threads };
});
