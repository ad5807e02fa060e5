import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { focusPage, openPreset } from './app-page';
import { percentile, progress, round } from './percentiles';

interface Sampled {
  /** requestAnimationFrame timestamps (frame start times), in order. */
  stamps: number[];
  /** Cursor steps shown while sampling (proves playback was running). */
  steps: number;
  /** Times playback reached the end and Play was clicked again to keep it running. */
  restarts: number;
}

/**
 * Samples requestAnimationFrame for `durationMs` while the app plays. Short
 * runs end before the window does; then Play is clicked again (playing from
 * the end starts over), so every sampled frame is a playing frame.
 */
function sample(page: Page, durationMs: number): Promise<Sampled> {
  return page.evaluate((duration) => {
    const cursor = () =>
      Number(
        document.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0] ?? 0,
      );
    return new Promise<Sampled>((resolve) => {
      const stamps: number[] = [];
      let steps = 0;
      let restarts = 0;
      let last = cursor();
      const frame = (t: number) => {
        stamps.push(t);
        const c = cursor();
        if (c > last) steps += c - last;
        last = c;
        const play = document.querySelector<HTMLButtonElement>('button[aria-label="Play"]');
        if (play && !play.disabled) {
          restarts += 1;
          play.click();
        }
        if (t - stamps[0]! < duration) requestAnimationFrame(frame);
        else resolve({ stamps, steps, restarts });
      };
      requestAnimationFrame(frame);
    });
  }, durationMs);
}

export interface PlayFpsRun {
  frames: number;
  fps: number;
  shareOver20ms: number;
  p95IntervalMs: number;
  maxIntervalMs: number;
  stepsPlayed: number;
  restarts: number;
}

async function oneRun(
  browser: LaunchedBrowser,
  baseUrl: string,
  preset: string,
  durationMs: number,
): Promise<PlayFpsRun> {
  const { page } = await openPreset(browser, baseUrl, preset);
  try {
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await focusPage(page);
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    const { stamps, steps, restarts } = await sample(page, durationMs);
    await focusPage(page);
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
    return {
      frames: intervals.length,
      fps: round(1000 / median(intervals), 1),
      shareOver20ms: round(intervals.filter((d) => d > 20).length / intervals.length, 3),
      p95IntervalMs: round(percentile(intervals, 95), 2),
      maxIntervalMs: round(Math.max(...intervals), 2),
      stepsPlayed: steps,
      restarts,
    };
  } finally {
    await page.close();
  }
}

export interface PlayFpsResult {
  preset: string;
  speed: '8x';
  sampleMs: number;
  runs: number;
  /** 1000 / median frame interval, median over the runs. */
  fps: number;
  /** Share of frame intervals over 20 ms, median over the runs. */
  shareOver20ms: number;
  perRun: PlayFpsRun[];
  targetFps: number;
  withinTarget: boolean;
}

/** Plays at 8x for `sampleMs` on a fresh page, `runs` times. */
export async function measurePlayFps(
  browser: LaunchedBrowser,
  baseUrl: string,
  preset: string,
  options: { sampleMs: number; runs: number; targetFps: number },
): Promise<PlayFpsResult> {
  const perRun: PlayFpsRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    progress(`play frame rate: ${preset}, run ${r + 1}/${options.runs}`);
    perRun.push(await oneRun(browser, baseUrl, preset, options.sampleMs));
  }
  const fps = round(median(perRun.map((r) => r.fps)), 1);
  return {
    preset,
    speed: '8x',
    sampleMs: options.sampleMs,
    runs: options.runs,
    fps,
    shareOver20ms: round(median(perRun.map((r) => r.shareOver20ms)), 3),
    perRun,
    targetFps: options.targetFps,
    withinTarget: fps >= options.targetFps,
  };
}
