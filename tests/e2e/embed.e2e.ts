import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COURSE_PATH, startCourseHost, type CourseHost } from './support/course-host';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const PROTOCOL = { protocol: 'intx-lab/embed', version: 1 } as const;
const FIG2 = JSON.parse(
  readFileSync(resolve(__dirname, '../../src/presets/fig2-native.json'), 'utf8'),
) as Record<string, unknown>;

const browser = browserForFile();
let course: CourseHost;
const pageErrors: string[] = [];

interface Received {
  type?: string;
  id?: unknown;
  state?: { cursor: number; eventCount: number; playing: boolean; scenario: string | null };
  errors?: { path: string; message: string }[];
  height?: number;
}

beforeAll(async () => {
  course = await startCourseHost(inject('baseUrl'));
});

afterAll(async () => {
  // The browser first: its open connections would keep the course host from closing.
  await browser.close();
  await course?.close();
});

/** The frame's address under the course path, with `query` after `embed=1`. */
const frameUrl = (query = '') => `${course.appOrigin}${COURSE_PATH}?embed=1${query}`;

/** Opens a host page (on the host origin) embedding the app; resolves once the app said ready. */
async function openHost(
  options: {
    query?: string;
    sizing?: string;
    stranger?: boolean;
    hostOrigin?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<{ page: Page; frame: Frame; warnings: string[] }> {
  const page = await browser.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const host = new URL('/host.html', options.hostOrigin ?? course.hostOrigin);
  host.searchParams.set('frame', frameUrl(options.query ?? `&origin=${course.hostOrigin}`));
  host.searchParams.set('sizing', options.sizing ?? 'api');
  if (options.stranger) host.searchParams.set('stranger', '1');
  await page.goto(host.href, { waitUntil: 'load' });
  const frame = page.frame({ url: (u) => u.pathname.startsWith(COURSE_PATH) })!;
  await frame.locator('[data-testid="cursor-status"]').waitFor({ state: 'visible' });
  return { page, frame, warnings };
}

const received = (page: Page): Promise<Received[]> =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** Waits for a message from the frame, from the `from`th on, that `match` accepts (run in the page). */
async function waitForMessage(
  page: Page,
  match: string,
  arg: unknown = null,
  from = 0,
): Promise<Received> {
  const handle = await page.waitForFunction(
    ([source, value, start]) => {
      const test = new Function('m', 'arg', `return (${source as string})(m, arg);`) as (
        m: unknown,
        arg: unknown,
      ) => boolean;
      const all = (window as unknown as { received: unknown[] }).received;
      return all.slice(start as number).find((m) => test(m, value));
    },
    [match, arg, from] as const,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as Received;
}

/** Sends a command (with a fresh id) and waits for its reply or error. */
async function command(page: Page, body: Record<string, unknown>): Promise<Received> {
  const id = `c${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    (message) => (window as unknown as { send(m: unknown): void }).send(message),
    { ...PROTOCOL, id, ...body },
  );
  return waitForMessage(page, '(m, id) => m && m.id === id', id);
}

const cursorInFrame = async (frame: Frame): Promise<number> =>
  Number(
    ((await frame.locator('[data-testid="cursor-status"]').textContent()) ?? '').split('/')[0],
  );

describe('embedded in a course page', () => {
  it('says ready, takes no focus and ignores keys pressed in the host page', async () => {
    const { page, frame } = await openHost();
    const ready = await waitForMessage(page, "(m) => m && m.type === 'ready'");
    expect(ready.state!.eventCount).toBeGreaterThan(0);
    expect(ready.state!.cursor).toBe(0);
    // No workspace tabs in embed mode.
    expect(await frame.getByRole('navigation', { name: 'Workspaces' }).count()).toBe(0);
    // Nothing took focus on load: not the frame in the host, nothing inside the frame.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

    await page.locator('#text').click();
    for (const key of ['ArrowRight', 'ArrowRight', 'End', ' ']) await page.keyboard.press(key);
    await page.locator('#notes').click();
    await page.keyboard.type('  ');
    // The host may focus the frame itself (focus lands on its document, not on the app):
    // the frame's keys still wait until the person is inside the app.
    await page.locator('#lab').focus();
    expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
    for (const key of ['ArrowRight', 'End']) await page.keyboard.press(key);
    const state = await command(page, { type: 'get-state' });
    expect(state.type).toBe('reply');
    expect(state.state!.cursor).toBe(0);
    expect(state.state!.playing).toBe(false);
    expect(await cursorInFrame(frame)).toBe(0);

    // Once the person clicks into the frame, its keys are its own.
    await frame.locator('[data-testid="cursor-status"]').click();
    await page.keyboard.press('ArrowRight');
    await waitForMessage(page, "(m) => m && m.type === 'step-changed' && m.state.cursor === 1");
    await saveScreenshot(page, 'embed-host-1440');
    await page.close();
  });

  it('is driven by the host: load, seek, step, play, pause, reset', async () => {
    const { page, frame } = await openHost();
    await waitForMessage(page, "(m) => m && m.type === 'ready'");

    const preset = await command(page, {
      type: 'load',
      source: { kind: 'preset', name: 'fig4-selective' },
    });
    expect(preset.type).toBe('reply');
    expect(preset.state!.scenario).toMatch(/selective/i);

    const loaded = await command(page, {
      type: 'load',
      source: { kind: 'scenario', scenario: FIG2 },
    });
    expect(loaded.type).toBe('reply');
    expect(loaded.state!.scenario).toBe(FIG2['name']);
    expect(loaded.state!.cursor).toBe(0);

    const seek = await command(page, { type: 'seek', cursor: 5 });
    expect(seek.state!.cursor).toBe(5);
    await waitForMessage(page, "(m) => m && m.type === 'step-changed' && m.state.cursor === 5");
    expect(await cursorInFrame(frame)).toBe(5);

    const step = await command(page, { type: 'step', by: -2 });
    expect(step.state!.cursor).toBe(3);

    const before = (await received(page)).length;
    const play = await command(page, { type: 'play' });
    expect(play.state!.playing).toBe(true);
    await waitForMessage(
      page,
      "(m) => m && m.type === 'step-changed' && m.state.cursor >= 5",
      null,
      before,
    );
    const paused = await command(page, { type: 'pause' });
    expect(paused.state!.playing).toBe(false);
    const steps = (await received(page)).slice(before).filter((m) => m.type === 'step-changed');
    const cursors = steps.map((m) => m.state!.cursor);
    // Playing moved the cursor forward one event at a time, and said so each time.
    expect(cursors.length).toBeGreaterThanOrEqual(2);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));

    const reset = await command(page, { type: 'reset' });
    expect(reset.state!.cursor).toBe(0);
    await page.close();
  });

  it('answers malformed commands with the JSON path of each problem', async () => {
    const { page, frame } = await openHost();
    await waitForMessage(page, "(m) => m && m.type === 'ready'");

    const badSeek = await command(page, { type: 'seek', cursor: -3 });
    expect(badSeek.type).toBe('error');
    expect(badSeek.errors).toEqual([
      { path: '$.cursor', message: expect.stringMatching(/at least 0/) },
    ]);

    const unknown = await command(page, { type: 'rewind' });
    expect(unknown.errors![0]!.path).toBe('$.type');

    const badScenario = await command(page, {
      type: 'load',
      source: { kind: 'scenario', scenario: { ...FIG2, policy: 'everyone' } },
    });
    expect(badScenario.type).toBe('error');
    expect(badScenario.errors!.map((e) => e.path)).toContain('$.source.scenario.policy');

    // A lesson object is read like a lesson file: its errors point inside it.
    const lesson = await command(page, { type: 'load', source: { kind: 'lesson', lesson: {} } });
    expect(lesson.type).toBe('error');
    expect(lesson.errors![0]!.path).toMatch(/^\$\.source\.lesson/);

    // The frame still works after all that.
    expect((await command(page, { type: 'seek', cursor: 2 })).state!.cursor).toBe(2);
    expect(await cursorInFrame(frame)).toBe(2);
    await page.close();
  });

  it('ignores commands from other frames and from origins it was not given', async () => {
    // A sibling frame of the course page is not the parent.
    const first = await openHost({ stranger: true });
    await waitForMessage(first.page, "(m) => m && m.type === 'ready'");
    await first.page.evaluate(
      (message) => {
        const stranger = document.getElementById('stranger') as HTMLIFrameElement;
        const lab = stranger.contentWindow!.parent.frames[0]!;
        // Posted from inside the sibling frame, so the message's source is the sibling.
        (stranger.contentWindow as unknown as { eval(code: string): void }).eval(
          `parent.frames[0].postMessage(${JSON.stringify(message)}, '*')`,
        );
        void lab;
      },
      { ...PROTOCOL, type: 'seek', cursor: 4, id: 'from-sibling' },
    );
    await expect
      .poll(() => first.warnings.some((w) => /not come from the parent window/.test(w)))
      .toBe(true);
    expect(await cursorInFrame(first.frame)).toBe(0);
    await first.page.close();

    // The parent itself, from an origin the frame was not told to obey.
    const second = await openHost({
      hostOrigin: course.appOrigin,
      query: `&origin=${course.hostOrigin}`,
    });
    // Sent until it is refused: no 'ready' comes to this origin to say the frame listens (its
    // bridge starts once the first run is shown), and a command before that is never heard.
    await expect
      .poll(
        async () => {
          await second.page.evaluate(
            (message) => (window as unknown as { send(m: unknown): void }).send(message),
            { ...PROTOCOL, type: 'seek', cursor: 4, id: 'from-elsewhere' },
          );
          return second.warnings.some((w) => /is not one of the allowed origins/.test(w));
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true);
    expect(await cursorInFrame(second.frame)).toBe(0);
    expect((await received(second.page)).some((m) => m.id === 'from-elsewhere')).toBe(false);
    await second.page.close();
  });

  it.each(['api', 'h5p', 'canvas'])('the frame height follows its content (%s)', async (sizing) => {
    const { page, frame } = await openHost({
      sizing,
      query: `&origin=${course.hostOrigin}&panels=narration,timeline`,
    });
    const contentHeight = () =>
      frame.evaluate(() =>
        Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
      );
    const frameHeight = () =>
      page.evaluate(
        () => Math.round(document.getElementById('lab')!.getBoundingClientRect().height) - 2,
      );
    await expect.poll(frameHeight, { timeout: 15_000 }).toBe(await contentHeight());
    const tall = await frameHeight();
    expect(tall).toBeGreaterThan(300);

    // Hiding the timeline makes the content shorter, and the frame with it.
    await frame.getByText('Panels', { exact: true }).click();
    await frame.getByRole('button', { name: 'Timeline' }).click();
    await expect.poll(frameHeight, { timeout: 15_000 }).toBeLessThan(tall);
    expect(await frameHeight()).toBe(await contentHeight());
    if (sizing === 'api') await saveScreenshot(page, 'embed-height-no-timeline');
    await page.close();
  });

  it('opens with the panels, theme and step of its URL flags', async () => {
    const { page: host, frame } = await openHost({
      query: `&origin=${course.hostOrigin}&panels=narration,eventLog&theme=dark&step=7`,
      viewport: { width: 1024, height: 768 },
    });
    await expect.poll(() => cursorInFrame(frame)).toBe(7);
    expect(await frame.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await frame.locator('[data-testid="narration"]').count()).toBe(1);
    expect(await frame.locator('.timeline').count()).toBe(0);
    await saveScreenshot(host, 'embed-flags-1024', { fullPage: true });
    await host.close();
  });

  it('says when the lesson of its URL cannot be opened, and shows the scenario anyway', async () => {
    const { page: host, frame } = await openHost({
      query: `&origin=${course.hostOrigin}&lesson=broadcast-cost`,
    });
    await frame
      .getByText(
        /The lesson "broadcast-cost" could not be opened: there is no lesson "broadcast-cost"/,
      )
      .waitFor();
    await waitForMessage(host, "(m) => m && m.type === 'ready'");
    await host.close();
  });

  it('opens the lesson its URL names, at the step it names', async () => {
    const { page: host, frame } = await openHost({
      query: `&origin=${course.hostOrigin}&lesson=broadcast`,
    });
    await frame.getByRole('region', { name: 'Lesson' }).waitFor();
    // Keeping nothing in the browser is what an embedded copy is meant to do: no banner says otherwise.
    expect(await frame.getByText(/runs from memory/).count()).toBe(0);
    await waitForMessage(host, "(m) => m && m.type === 'ready'");
    await saveScreenshot(host, 'embed-lesson-1440', { fullPage: true });
    await host.close();
  });

  it('fits a narrow course column without scrolling sideways', async () => {
    // Tall enough to show the whole frame: parts of a cross-origin frame below the viewport
    // are not painted in screenshots.
    const { page, frame } = await openHost({ viewport: { width: 760, height: 1400 } });
    await waitForMessage(page, "(m) => m && m.type === 'height-changed'");
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect
      .poll(() => page.evaluate(() => document.getElementById('lab')!.clientHeight))
      .toBeGreaterThan(600);
    await saveScreenshot(page, 'embed-narrow-760');
    await page.close();
  });

  it('Copy embed code gives an iframe that opens the same scenario at the same step', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${course.appOrigin}${COURSE_PATH}?preset=fig4-selective`, {
      waitUntil: 'load',
    });
    await page.locator('[data-testid="cursor-status"]').waitFor({ state: 'visible' });
    await page.waitForFunction(() =>
      /^0 \/ [1-9]/.test(
        document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '',
      ),
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() =>
      /^4 \//.test(document.querySelector('[data-testid="cursor-status"]')?.textContent ?? ''),
    );
    await page.getByRole('button', { name: 'Share link' }).click();
    const code = await page.getByTestId('embed-code').inputValue();
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await page.getByText(/Embed code copied|Select the embed code/).waitFor();
    await saveScreenshot(page, 'embed-code-panel');
    const iframe = /^<iframe src="([^"]+)" title="([^"]+)" width="(\d+)" height="(\d+)"/.exec(code);
    expect(iframe).not.toBeNull();
    const src = iframe![1]!.replace(/&amp;/g, '&');
    expect(iframe![2]).toMatch(/^INTx Lab: Figure 4/);
    expect([iframe![3], iframe![4]]).toEqual(['960', '640']);
    expect(src.startsWith(`${course.appOrigin}${COURSE_PATH}?embed=1#intx=1&cursor=4&`)).toBe(true);
    await page.close();

    const { page: host, frame } = await openHost({ query: src.slice(src.indexOf('?embed=1') + 8) });
    await expect.poll(() => cursorInFrame(frame)).toBe(4);
    await host.close();
  });

  it('works offline under its sub-path after one visit', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${course.appOrigin}${COURSE_PATH}?preset=fig4-selective`, {
      waitUntil: 'load',
    });
    await page.locator('[data-testid="cursor-status"]').waitFor({ state: 'visible' });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(COURSE_PATH);

    await browser.context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => {
      const text = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      return Number(text.split('/')[1]) > 0;
    });
    expect(page.workers().some((w) => w.url().includes('sim.worker'))).toBe(true);
    await browser.context.setOffline(false);
    await page.close();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
