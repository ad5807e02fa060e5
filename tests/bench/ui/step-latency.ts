import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { openPreset, waitForCursor, type OpenedApp } from './app-page';
import { median } from '../stats';
import { medianSpread, progress, round, spread, type Spread } from './percentiles';

/** One ArrowRight press, measured in the page from the keydown event's timeStamp. */
interface StepSample {
  /** To the MutationObserver seeing the status line show the new cursor (React's DOM commit). */
  commit: number;
  /** To the MessageChannel tick after the first requestAnimationFrame following that commit. */
  paint: number;
  /** From the event's timeStamp to the capture listener running (input queueing). */
  dispatch: number;
}

interface ProbeWindow {
  __stepProbe: {
    arm(cursor: number): void;
    result(): Promise<StepSample>;
  };
}

/**
 * Installs the probe: a keydown capture listener on window (it runs before
 * the app's own window listener) keeps the event's timeStamp; a MutationObserver
 * on the status line waits for the armed cursor; then one requestAnimationFrame
 * and a MessageChannel message: the message is handled after that frame's
 * style, layout and paint, so its time is when the frame was handed to the
 * compositor.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="status"]');
    if (!status) throw new Error('no status line');
    let keyAt: number | null = null;
    let dispatch = 0;
    let want = -1;
    let settle: ((s: StepSample) => void) | null = null;
    let pending: Promise<StepSample> | null = null;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'ArrowRight' || want < 0 || keyAt !== null) return;
        keyAt = e.timeStamp;
        dispatch = performance.now() - e.timeStamp;
      },
      { capture: true },
    );
    const shown = () =>
      Number(
        status.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0] ?? NaN,
      );
    new MutationObserver(() => {
      if (want < 0 || keyAt === null || shown() !== want) return;
      const commitAt = performance.now();
      const from = keyAt;
      const done = settle;
      want = -1;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const paintAt = performance.now();
          channel.port1.close();
          done?.({ commit: commitAt - from, paint: paintAt - from, dispatch });
        };
        channel.port2.postMessage(null);
      });
    }).observe(status, { subtree: true, childList: true, characterData: true });
    (window as unknown as ProbeWindow).__stepProbe = {
      arm(cursor) {
        want = cursor;
        keyAt = null;
        pending = new Promise<StepSample>((resolve, reject) => {
          settle = resolve;
          setTimeout(() => reject(new Error(`cursor ${cursor} not shown within 10 s`)), 10_000);
        });
      },
      result() {
        if (!pending) throw new Error('probe not armed');
        return pending;
      },
    };
  });
}

export interface StepLatencyRun {
  commitMs: Spread;
  paintMs: Spread;
  dispatchMedianMs: number;
  restartsFromHome: number;
}

/** Opens a fresh page ready to step from cursor 0 (the app on a preset, a trace, or the floor page). */
export type PageOpener = (browser: LaunchedBrowser) => Promise<OpenedApp>;

async function oneRun(
  browser: LaunchedBrowser,
  open: PageOpener,
  steps: number,
): Promise<StepLatencyRun & { eventCount: number }> {
  const { page, eventCount } = await open(browser);
  try {
    await installProbe(page);
    const commit: number[] = [];
    const paint: number[] = [];
    const dispatch: number[] = [];
    let cursor = 0;
    let restarts = 0;
    for (let i = 0; i < steps; i++) {
      if (cursor >= eventCount) {
        await page.keyboard.press('Home');
        await waitForCursor(page, 0);
        cursor = 0;
        restarts += 1;
      }
      await page.evaluate((c) => (window as unknown as ProbeWindow).__stepProbe.arm(c), cursor + 1);
      await page.keyboard.press('ArrowRight');
      const sample = await page.evaluate(() =>
        (window as unknown as ProbeWindow).__stepProbe.result(),
      );
      cursor += 1;
      commit.push(sample.commit);
      paint.push(sample.paint);
      dispatch.push(sample.dispatch);
    }
    return {
      eventCount,
      commitMs: spread(commit),
      paintMs: spread(paint),
      dispatchMedianMs: round(median(dispatch), 2),
      restartsFromHome: restarts,
    };
  } finally {
    await page.close();
  }
}

export interface StepLatencyResult {
  preset: string;
  eventCount: number;
  steps: number;
  runs: number;
  /** Medians over the runs of each run's p50, p95 and max. */
  commitMs: Spread;
  paintMs: Spread;
  perRun: StepLatencyRun[];
  targetP95Ms: number;
  /** Whether the headline p95 is within the target (reported, never asserted). */
  withinTarget: { commit: boolean; paint: boolean };
}

/** `steps` ArrowRight presses from cursor 0 on a fresh page, `runs` times. */
export async function measureStepLatency(
  browser: LaunchedBrowser,
  baseUrl: string,
  preset: string,
  options: { steps: number; runs: number; targetP95Ms: number; open?: PageOpener },
): Promise<StepLatencyResult> {
  const open = options.open ?? ((b: LaunchedBrowser) => openPreset(b, baseUrl, preset));
  const perRun: StepLatencyRun[] = [];
  let eventCount = 0;
  for (let r = 0; r < options.runs; r++) {
    progress(`step latency: ${preset}, run ${r + 1}/${options.runs}`);
    const { eventCount: n, ...run } = await oneRun(browser, open, options.steps);
    eventCount = n;
    perRun.push(run);
  }
  const commitMs = medianSpread(perRun.map((r) => r.commitMs));
  const paintMs = medianSpread(perRun.map((r) => r.paintMs));
  return {
    preset,
    eventCount,
    steps: options.steps,
    runs: options.runs,
    commitMs,
    paintMs,
    perRun,
    targetP95Ms: options.targetP95Ms,
    withinTarget: {
      commit: commitMs.p95 <= options.targetP95Ms,
      paint: paintMs.p95 <= options.targetP95Ms,
    },
  };
}
