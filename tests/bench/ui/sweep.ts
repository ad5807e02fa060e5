import { DEFAULT_SWEEP } from '../../../src/analysis/sweep-request';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { newBenchPage } from './app-page';
import { progress, round } from './percentiles';

export interface SweepRun {
  /** Click on "Run sweep" to the status reading "done", timed in the page. */
  ms: number;
  points: number;
  /** Analysis sessions used: 2 workers, 1 worker, or the main thread. */
  sessions: string;
}

export interface SweepResult {
  request: string;
  /** The pause between "Run sweep" enabled and the click (BENCH_SWEEP_CLICK_AFTER_MS). */
  clickAfterMs: number;
  runs: number;
  medianMs: number;
  perRun: SweepRun[];
  targetMs: number;
  withinTarget: boolean;
}

/**
 * The sweep as a person runs it (issues 4 and 15; target 1.5 s, set in
 * run.ts): the production build, the Compare workspace, the default request (VMs 1 to 64 at chains of 4, chains 1 to 16
 * at 16 VMs, 10,000 raises per point, 24 points), "Run sweep" clicked from
 * the page and timed in the page with performance.now() until the status
 * reads done (checked every animation frame; the workers leave the main
 * thread free). A fresh page per run, so the workers start cold each time.
 *
 * The click comes as soon as "Run sweep" is enabled (the workers have answered),
 * unless BENCH_SWEEP_CLICK_AFTER_MS asks for a pause after that, as a person takes
 * to read the form: the workers warm up while Compare is open (analysis-pool.ts), so
 * the two settings bracket what a person sees. Either way the time is measured
 * from the click.
 */
const CLICK_AFTER_MS = Number(process.env.BENCH_SWEEP_CLICK_AFTER_MS ?? 0);

/**
 * The Compare workspace of a fresh page, once "Run sweep" is enabled (the workers
 * have answered), after `clickAfterMs` more when asked (see CLICK_AFTER_MS).
 */
export async function openSweepForm(page: Page, baseUrl: string, clickAfterMs = 0): Promise<void> {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const run = page.getByRole('button', { name: 'Run sweep' });
  await run.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(
    () =>
      !(
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run sweep') as
          HTMLButtonElement | undefined
      )?.disabled,
    undefined,
    { timeout: 30_000 },
  );
  if (clickAfterMs > 0) await page.waitForTimeout(clickAfterMs);
}

/** Clicks "Run sweep" and waits for "done", timed in the page from the click. */
export function runSweepInPage(page: Page): Promise<SweepRun> {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; points: number; sessions: string }>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Run sweep',
        );
        if (!button) return reject(new Error('no Run sweep button'));
        const start = performance.now();
        button.click();
        const poll = () => {
          const status = document.querySelector('[data-testid="sweep-status"]');
          const state = status?.getAttribute('data-status');
          if (state === 'done') {
            const points = Number(status?.querySelector('progress')?.getAttribute('value'));
            const main = document.body.textContent?.includes('These runs share the main thread');
            resolve({
              ms: performance.now() - start,
              points,
              sessions: main
                ? 'main thread'
                : `${Math.min(2, navigator.hardwareConcurrency)} worker(s)`,
            });
          } else if (state === 'failed' || state === 'cancelled') {
            reject(new Error(`sweep ${state}`));
          } else {
            requestAnimationFrame(poll);
          }
        };
        requestAnimationFrame(poll);
      }),
  );
}

export async function measureSweep(
  browser: LaunchedBrowser,
  baseUrl: string,
  options: { runs: number; targetMs: number },
): Promise<SweepResult> {
  const perRun: SweepRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    progress(`sweep, default request: run ${r + 1}/${options.runs}`);
    const page = await newBenchPage(browser);
    page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
    try {
      await openSweepForm(page, baseUrl, CLICK_AFTER_MS);
      const result = await runSweepInPage(page);
      perRun.push({ ...result, ms: round(result.ms, 0) });
    } finally {
      await page.close();
    }
  }
  const medianMs = round(median(perRun.map((r) => r.ms)), 0);
  return {
    request:
      `VMs ${DEFAULT_SWEEP.vmCounts.join(', ')} at chains of ${DEFAULT_SWEEP.chainForVmAxis}; ` +
      `chains ${DEFAULT_SWEEP.chainLengths.join(', ')} at ${DEFAULT_SWEEP.vmsForChainAxis} VMs; ` +
      `${DEFAULT_SWEEP.raises} raises per point`,
    clickAfterMs: CLICK_AFTER_MS,
    runs: options.runs,
    medianMs,
    perRun,
    targetMs: options.targetMs,
    withinTarget: medianMs <= options.targetMs,
  };
}
