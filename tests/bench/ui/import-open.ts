import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { openPreset } from './app-page';
import type { TraceFile } from './imported-trace';
import { progress, round } from './percentiles';

/** One main-thread task the browser reported as long (PerformanceObserver 'longtask'). */
interface LongTask {
  /** From the file choice, in ms. */
  startMs: number;
  durationMs: number;
}

interface OpenSample {
  /** File choice (the input's change event) to the status line reading "0 / N", the graph and the side panels shown. */
  shownMs: number;
  /** File choice to the end of the frame that first painted it (rAF, then a MessageChannel tick). */
  drawnMs: number;
  /** Long tasks from the file choice to that first draw. */
  tasks: LongTask[];
  /** Long tasks in the `afterMs` after the first draw (the timeline's lanes, late effects). */
  tasksAfter: LongTask[];
  /** When the progress dialog first named each stage, in ms from the file choice. */
  stages: [string, number][];
}

interface OpenProbeWindow {
  __openProbe: { result(): Promise<OpenSample> };
}

/**
 * Installs the probe before the file is chosen: a PerformanceObserver on
 * 'longtask' (buffered, so a task that ends before its callback runs is still
 * seen), a capture listener for the input's change event (the file choice),
 * and a MutationObserver on the page that waits for "0 / N", the graph and the side panels.
 */
async function installOpenProbe(page: Page, eventCount: number, afterMs: number): Promise<void> {
  await page.evaluate(
    ({ n, after }) => {
      const all: { start: number; duration: number }[] = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) all.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      let chosenAt: number | null = null;
      const stages = new Map<string, number>();
      // The worker's stages, as the progress dialog names them ("Checking every field… 60%").
      const stageWatch = new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"] p')?.textContent;
        const label = text?.split('…')[0]?.trim();
        if (label && chosenAt !== null && !stages.has(label))
          stages.set(label, performance.now() - chosenAt);
      });
      stageWatch.observe(document.body, { subtree: true, childList: true, characterData: true });
      const input = document.querySelector('[data-testid="open-file-input"]');
      if (!input) throw new Error('no Open file input');
      input.addEventListener('change', (e) => (chosenAt ??= e.timeStamp), { capture: true });
      const status = document.querySelector('[data-testid="status"]');
      if (!status) throw new Error('no status line');
      // Every stage of the first draw (src/app/useFirstDraw.ts) is on screen: the status, the
      // graph, and the side panels that come last (the event log's list, whose rows are fetched after).
      const shows = () =>
        status.querySelector('[data-testid="cursor-status"]')?.textContent?.trim() === `0 / ${n}` &&
        document.querySelector('[data-testid="topology-graph"] .react-flow__node') !== null &&
        document.querySelector('[data-testid="event-log"]') !== null;
      const result = new Promise<OpenSample>((resolve, reject) => {
        const limit = setTimeout(
          () => reject(new Error('the trace was not shown in 120 s')),
          120_000,
        );
        const observer = new MutationObserver(() => {
          if (chosenAt === null || !shows()) return;
          observer.disconnect();
          const from = chosenAt;
          const shownAt = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const drawnAt = performance.now();
              channel.port1.close();
              setTimeout(() => {
                clearTimeout(limit);
                stageWatch.disconnect();
                const within = (a: number, b: number) =>
                  all
                    .filter((t) => t.start + t.duration > a && t.start < b)
                    .map((t) => ({ startMs: t.start - from, durationMs: t.duration }));
                resolve({
                  shownMs: shownAt - from,
                  drawnMs: drawnAt - from,
                  tasks: within(from, drawnAt),
                  tasksAfter: within(drawnAt, drawnAt + after),
                  stages: [...stages],
                });
              }, after + 100);
            };
            channel.port2.postMessage(null);
          });
        });
        // The whole page: the parts of the first draw come in separate commits.
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      (window as unknown as OpenProbeWindow).__openProbe = { result: () => result };
    },
    { n: eventCount, after: afterMs },
  );
}

export interface ImportOpenResult {
  file: { megabytes: number; eventCount: number };
  runs: number;
  /** Median over the runs, file choice to the first painted frame that shows the trace. */
  openMs: number;
  /** Median, file choice to "0 / N" with the graph and the side panels shown. */
  shownMs: number;
  /** The longest main-thread task of any run, file choice to first draw. */
  longestTaskMs: number;
  /** Median per run of tasks over 50 ms (every 'longtask' entry is one), file choice to first draw. */
  tasksOver50: number;
  /** Median start of each stage the progress dialog named, in ms from the file choice. */
  stageStartMs: Record<string, number>;
  /** The same in the `afterMs` after the first draw. */
  after: { ms: number; longestTaskMs: number; tasksOver50: number };
  perRun: {
    openMs: number;
    shownMs: number;
    longestTaskMs: number;
    tasksOver50: number;
    /** Each long task of the run, from the file choice: where in the opening it fell. */
    tasks: LongTask[];
  }[];
  targetOpenMs: number;
  targetLongestTaskMs: number;
  withinTarget: boolean;
}

/**
 * Opens the app on the default preset, then `file` with the Open file input,
 * as a person does, and times it in the page from the input's change event to
 * the first frame painted with "0 / N", the graph and the side panels shown, recording every
 * long task of the main thread in between and for `afterMs` after.
 */
export async function measureImportOpen(
  browser: LaunchedBrowser,
  baseUrl: string,
  file: TraceFile,
  options: { runs: number; afterMs: number; targetOpenMs: number; targetLongestTaskMs: number },
): Promise<ImportOpenResult> {
  const perRun = [];
  const after = [];
  const stageStarts = new Map<string, number[]>();
  for (let run = 0; run < options.runs; run++) {
    progress(`opening the ${file.megabytes} MB trace: run ${run + 1}/${options.runs}`);
    const { page } = await openPreset(browser, baseUrl, 'fig3-broadcast');
    try {
      await installOpenProbe(page, file.eventCount, options.afterMs);
      await page.locator('[data-testid="open-file-input"]').setInputFiles(file.path);
      const sample = await page.evaluate(() =>
        (window as unknown as OpenProbeWindow).__openProbe.result(),
      );
      const longest = (ts: LongTask[]) => round(Math.max(0, ...ts.map((t) => t.durationMs)), 1);
      perRun.push({
        openMs: round(sample.drawnMs, 0),
        shownMs: round(sample.shownMs, 0),
        longestTaskMs: longest(sample.tasks),
        tasksOver50: sample.tasks.length,
        tasks: sample.tasks.map((t) => ({
          startMs: round(t.startMs, 0),
          durationMs: round(t.durationMs, 0),
        })),
      });
      for (const [label, ms] of sample.stages)
        stageStarts.set(label, [...(stageStarts.get(label) ?? []), ms]);
      after.push({
        longestTaskMs: longest(sample.tasksAfter),
        tasksOver50: sample.tasksAfter.length,
      });
    } finally {
      await page.close();
    }
  }
  const openMs = median(perRun.map((r) => r.openMs));
  const longestTaskMs = Math.max(...perRun.map((r) => r.longestTaskMs));
  return {
    file: { megabytes: file.megabytes, eventCount: file.eventCount },
    runs: options.runs,
    openMs,
    shownMs: median(perRun.map((r) => r.shownMs)),
    longestTaskMs,
    tasksOver50: median(perRun.map((r) => r.tasksOver50)),
    stageStartMs: Object.fromEntries(
      [...stageStarts].map(([label, ms]) => [label, round(median(ms), 0)]),
    ),
    after: {
      ms: options.afterMs,
      longestTaskMs: Math.max(...after.map((r) => r.longestTaskMs)),
      tasksOver50: median(after.map((r) => r.tasksOver50)),
    },
    perRun,
    targetOpenMs: options.targetOpenMs,
    targetLongestTaskMs: options.targetLongestTaskMs,
    withinTarget: openMs <= options.targetOpenMs && longestTaskMs <= options.targetLongestTaskMs,
  };
}
