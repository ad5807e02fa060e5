import type { Page } from 'playwright-core';
import { normalizeScenario } from '../../../src/trace-io';
import { encodeShare } from '../../../src/share';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { newBenchPage, settle } from './app-page';
import { millionEventScenario } from './million-scenario';
import { percentile, progress, round } from './percentiles';

/**
 * The timeline's frame rate while panning 100,000 events. The production
 * app is opened on a share link (`#intx=1&scenario=…`) holding the seek
 * benchmark's machine (8 VMs, 8 devices, selective) with fewer raises, so the
 * run has about 100,000 events. The lanes are zoomed in 32x (five "+" presses
 * on the focused lanes) and every group is expanded; then the mouse drags the
 * lanes left and right for `sampleMs` while the page records
 * requestAnimationFrame timestamps. fps = 1000 / median frame interval.
 */

/** Raises giving about 100,000 events (about 30 events per raise); the JSON has the count. */
export const TIMELINE_RAISES = 3_300;

interface Sampled {
  stamps: number[];
  /** Frames whose first tick stood elsewhere than the frame before: the window moved. */
  movedFrames: number;
}

/** Starts sampling requestAnimationFrame in the page; resolves after `durationMs`. */
function sample(page: Page, durationMs: number): Promise<Sampled> {
  return page.evaluate((duration) => {
    const firstTick = () => {
      const tick = document.querySelector('[data-testid="timeline-axis"] g');
      return `${tick?.getAttribute('transform')}|${tick?.textContent}`;
    };
    return new Promise<Sampled>((resolve) => {
      const stamps: number[] = [];
      let movedFrames = 0;
      let last = firstTick();
      const frame = (t: number) => {
        stamps.push(t);
        const now = firstTick();
        if (now !== last) movedFrames += 1;
        last = now;
        if (t - stamps[0]! < duration) requestAnimationFrame(frame);
        else resolve({ stamps, movedFrames });
      };
      requestAnimationFrame(frame);
    });
  }, durationMs);
}

/** Drags the lanes left and right, 12 px per mouse move, until `until` resolves. */
async function dragUntil(page: Page, until: Promise<unknown>): Promise<number> {
  const box = await page.locator('[data-testid="timeline-lanes"]').boundingBox();
  if (!box) throw new Error('the timeline lanes are not on screen');
  const y = box.y + Math.min(60, box.height / 2);
  const left = box.x + box.width * 0.25;
  const right = box.x + box.width * 0.75;
  let done = false;
  void until.then(() => (done = true));
  let moves = 0;
  let x = right;
  await page.mouse.move(x, y);
  await page.mouse.down();
  let direction = -1;
  while (!done) {
    x += direction * 12;
    if (x <= left || x >= right) direction = -direction;
    await page.mouse.move(x, y);
    moves += 1;
  }
  await page.mouse.up();
  return moves;
}

export interface TimelinePanRun {
  frames: number;
  fps: number;
  shareOver20ms: number;
  p95IntervalMs: number;
  maxIntervalMs: number;
  /** Frames that showed a new window (proves the pan was drawn). */
  movedFrames: number;
  mouseMoves: number;
}

async function openBigRun(browser: LaunchedBrowser, url: string): Promise<Page> {
  const page = await newBenchPage(browser);
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-testid="timeline-lanes"] g[data-lane]').first().waitFor({
    state: 'attached',
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Expand all' }).click();
  const lanes = page.locator('[data-testid="timeline-lanes"]');
  await lanes.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  await settle(page);
  return page;
}

async function eventCount(page: Page): Promise<number> {
  const status = (await page.locator('[data-testid="cursor-status"]').textContent()) ?? '';
  return Number(status.split('/')[1]);
}

export interface TimelinePanResult {
  scenario: string;
  raises: number;
  eventCount: number;
  zoom: '32x';
  sampleMs: number;
  runs: number;
  /** 1000 / median frame interval, median over the runs. */
  fps: number;
  shareOver20ms: number;
  perRun: TimelinePanRun[];
  targetFps: number;
  withinTarget: boolean;
}

/** Builds the share link of the 100,000-event scenario on the app at `baseUrl`. */
export async function bigRunUrl(baseUrl: string, raises = TIMELINE_RAISES): Promise<string> {
  const parsed = normalizeScenario(millionEventScenario(raises));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const link = await encodeShare({ scenario: parsed.value, cursor: 0, presetName: null });
  if (!link.ok) throw new Error(link.message);
  const url = new URL(baseUrl);
  url.hash = link.fragment;
  return url.href;
}

/** Pans the timeline of a 100,000-event run for `sampleMs` on a fresh page, `runs` times. */
export async function measureTimelinePan(
  browser: LaunchedBrowser,
  baseUrl: string,
  options: { sampleMs: number; runs: number; targetFps: number },
): Promise<TimelinePanResult> {
  const url = await bigRunUrl(baseUrl);
  const perRun: TimelinePanRun[] = [];
  let events = 0;
  for (let r = 0; r < options.runs; r++) {
    progress(`timeline pan, 100k events: run ${r + 1}/${options.runs}`);
    const page = await openBigRun(browser, url);
    try {
      events = await eventCount(page);
      const sampling = sample(page, options.sampleMs);
      const mouseMoves = await dragUntil(page, sampling);
      const { stamps, movedFrames } = await sampling;
      const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
      perRun.push({
        frames: intervals.length,
        fps: round(1000 / median(intervals), 1),
        shareOver20ms: round(intervals.filter((d) => d > 20).length / intervals.length, 3),
        p95IntervalMs: round(percentile(intervals, 95), 2),
        maxIntervalMs: round(Math.max(...intervals), 2),
        movedFrames,
        mouseMoves,
      });
    } finally {
      await page.close();
    }
  }
  const fps = round(median(perRun.map((r) => r.fps)), 1);
  return {
    scenario: String(millionEventScenario(TIMELINE_RAISES).name),
    raises: TIMELINE_RAISES,
    eventCount: events,
    zoom: '32x',
    sampleMs: options.sampleMs,
    runs: options.runs,
    fps,
    shareOver20ms: round(median(perRun.map((r) => r.shareOver20ms)), 3),
    perRun,
    targetFps: options.targetFps,
    withinTarget: fps >= options.targetFps,
  };
}
