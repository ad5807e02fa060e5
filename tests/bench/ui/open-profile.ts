/**
 * What the main thread does while a 100 MB trace opens
 * (`npx tsx tests/bench/ui/open-profile.ts`): the default preset's page opens
 * import-open.ts's trace with the Open file input, recorded with Chromium's
 * tracing (devtools.timeline) and its sampling profiler over CDP, from the
 * file choice until OPEN_PROFILE_AFTER_MS (2500) after "0 / N" is shown.
 * Prints one JSON document: every main-thread task longer than
 * OPEN_PROFILE_OVER_MS (30; OPEN_PROFILE_SAMPLES=0 records without the sampling
 * profiler, whose sampling lengthens each task), with when it started (ms from the first task
 * recorded), its wall and thread (CPU) time, the trace events inside it (script, style, layout, GC...) by
 * inclusive time, and the JavaScript functions with the most self time in it.
 * Serves the existing dist/ (build it first; `npx vite build --minify false`
 * keeps React's function names readable). PROFILE_ROOT serves another checkout.
 */
import { openPreset } from './app-page';
import { recordTrace, rendererMain, runProfile, type TraceEvent } from './chrome-trace';
import { progress, round } from './percentiles';

const OVER_MS = Number(process.env.OPEN_PROFILE_OVER_MS ?? 30);
const AFTER_MS = Number(process.env.OPEN_PROFILE_AFTER_MS ?? 2500);
const TOP = Number(process.env.OPEN_PROFILE_TOP ?? 12);
/** 0 records the trace alone: the sampling profiler lengthens every task it samples. */
const SAMPLES = process.env.OPEN_PROFILE_SAMPLES !== '0';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const nameOf = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

/** The `TOP` largest of `times`, in ms. */
const largest = (times: Map<string, number>) =>
  [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([fn, ms]) => ({ fn, ms: round(ms, 1) }));

/**
 * Self time per function of the samples taken in [from, to] (microseconds,
 * trace clock), and inclusive time per React component (a function whose name
 * starts with a capital: the render of that component and all it calls).
 */
function samplesIn(
  profile: CpuProfile,
  from: number,
  to: number,
): { selfMs: { fn: string; ms: number }[]; componentMs: { fn: string; ms: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const components = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < from || t > to) return;
    const ms = (profile.timeDeltas[i + 1] ?? dt) / 1000;
    const key = nameOf(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!/^[A-Z]/.test(f.functionName)) continue;
      const name = nameOf(f);
      if (seen.has(name)) continue;
      seen.add(name);
      components.set(name, (components.get(name) ?? 0) + ms);
    }
  });
  return { selfMs: largest(self), componentMs: largest(components) };
}

/** A trace event's name, with what says how much it had to do (elements styled, objects laid out). */
function eventName(e: TraceEvent): string {
  if (e.name === 'FunctionCall' && e.args?.data?.functionName)
    return `FunctionCall ${e.args.data.functionName}`;
  if (e.name === 'UpdateLayoutTree' && e.args?.elementCount !== undefined)
    return `UpdateLayoutTree ${e.args.elementCount} elements`;
  if (e.name === 'Layout' && e.args?.beginData?.dirtyObjects !== undefined)
    return `Layout ${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects} objects`;
  return e.name;
}

runProfile(true, async ({ app, browser, file }) => {
  if (!file) throw new Error('no trace file');
  const { page } = await openPreset(browser, app.url, 'fig3-broadcast');
  const session = await page.context().newCDPSession(page);
  if (SAMPLES) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 250 });
  }
  progress(`profiling the opening of ${file.megabytes} MB`);
  const n = file.eventCount;
  const events = await recordTrace(session, async () => {
    if (SAMPLES) await session.send('Profiler.start');
    await page.locator('[data-testid="open-file-input"]').setInputFiles(file!.path);
    await page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid="cursor-status"]')?.textContent?.trim() ===
        `0 / ${count}`,
      n,
      { timeout: 120_000, polling: 50 },
    );
    await page.waitForTimeout(AFTER_MS);
  }, ['v8.execute', 'blink']);
  const profile = SAMPLES
    ? ((await session.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile
    : null;
  const main = rendererMain(events);
  const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const origin = Math.min(...tasks.map((e) => e.ts));
  const long = tasks
    .filter((e) => (e.dur ?? 0) / 1000 > OVER_MS)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = new Map<string, number>();
      for (const e of onMain) {
        if (e === task || e.name === 'RunTask' || e.ts < task.ts || e.ts > end) continue;
        const name = eventName(e);
        inside.set(name, (inside.get(name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      return {
        atMs: round((task.ts - origin) / 1000, 0),
        ms: round((task.dur ?? 0) / 1000, 1),
        cpuMs: round((task.tdur ?? task.dur ?? 0) / 1000, 1),
        events: Object.fromEntries(
          [...inside.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, TOP)
            .map(([k, v]) => [k, round(v, 1)]),
        ),
        ...(profile === null ? {} : samplesIn(profile, task.ts, end)),
      };
    });
  return { file: { megabytes: file.megabytes, eventCount: n }, overMs: OVER_MS, long };
});
