/**
 * What the profiling scripts (profile.ts, open-profile.ts) share: the app,
 * the browser and the trace file they run against, and Chromium's tracing
 * over CDP (record the trace events while `run` runs, find the page's main
 * thread among them).
 */
import type { CDPSession } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../../e2e/support/browser';
import { startAppServer, type AppServer } from '../../e2e/support/server';
import { writeTraceFile, type TraceFile } from './imported-trace';

/** One trace event, with the fields the profiling scripts read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the task cost, whatever else the machine was running. */
  tdur?: number;
  args?: {
    name?: string;
    elementCount?: number;
    data?: { functionName?: string; url?: string };
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

/** The categories both scripts need: tasks, script, style, layout and paint of the renderer. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'];

/**
 * Every trace event of the browser while `run` runs (`more` adds categories;
 * `E` is the event shape the caller reads, TraceEvent unless it reads more).
 */
export async function recordTrace<E = TraceEvent>(
  session: CDPSession,
  run: () => Promise<void>,
  more: readonly string[] = [],
): Promise<E[]> {
  const events: E[] = [];
  session.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as E[]));
  });
  const done = new Promise<void>((resolve) =>
    session.once('Tracing.tracingComplete', () => resolve()),
  );
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...CATEGORIES, ...more] },
  });
  await run();
  await session.send('Tracing.end');
  await done;
  return events;
}

/** `pid:tid` of the renderer's main thread: the CrRendererMain with the most task time. */
export function rendererMain(events: readonly TraceEvent[]): string | undefined {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(key))
      busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  return [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** What a profiling script runs against: the served dist/, a browser, and a 100 MB trace if asked. */
export interface Profiled {
  app: AppServer;
  browser: LaunchedBrowser;
  file: TraceFile | undefined;
}

/**
 * Serves the existing dist/ (PROFILE_ROOT: another checkout's), launches the
 * browser, writes the trace file when `withFile`, runs `main` and prints the
 * report it returns as JSON; closes everything whatever happened (an error
 * goes to standard error, exit code 1).
 */
export function runProfile(withFile: boolean, main: (p: Profiled) => Promise<unknown>): void {
  const opened: Partial<Profiled> = {};
  void (async () => {
    try {
      opened.app = await startAppServer({ skipBuild: true, root: process.env.PROFILE_ROOT });
      opened.browser = await launchBrowser();
      if (withFile) opened.file = await writeTraceFile();
      const report = await main(opened as Profiled);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } catch (error: unknown) {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
      process.exitCode = 1;
    } finally {
      await opened.browser?.close();
      await opened.app?.close();
      opened.file?.remove();
    }
  })();
}
