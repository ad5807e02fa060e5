// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePairedFrame } from '../../src/app/usePairedFrame';
import { apiOf } from '../../src/client/calls';
import { presetScenario } from '../../src/presets';
import type { Frame, RunInfo, SimApi } from '../../src/protocol/api';
import { stepNeighbours } from '../../src/store';
import { SimSession } from '../../src/worker/session';

/**
 * A side-by-side half's frames (src/app/usePairedFrame.ts): a step to a kept
 * neighbour is shown in the same render, and no frame of another run or of
 * an older request is ever shown.
 */

/**
 * A main-thread session behind a transport that can hold `framesAt` answers
 * back (a busy worker) and let them go in any order.
 */
function heldSession() {
  const session = new SimSession();
  const held: { cursors: readonly number[]; go: () => void }[] = [];
  let hold = false;
  const asked: (readonly number[])[] = [];
  const api: SimApi = apiOf((method) => async (...args: unknown[]) => {
    const call = (session[method] as (...a: unknown[]) => Promise<unknown>).bind(session);
    if (method !== 'framesAt') return call(...args);
    const cursors = args[0] as readonly number[];
    asked.push(cursors);
    const answer = await call(...args);
    if (hold) await new Promise<void>((go) => held.push({ cursors, go }));
    return answer;
  });
  return {
    api,
    asked,
    hold: () => void (hold = true),
    /** Lets the held answer that asked for `cursor` go (or every one), then lets React see it. */
    release: async (cursor?: number) => {
      const i = cursor === undefined ? -1 : held.findIndex((h) => h.cursors.includes(cursor));
      const going = i < 0 ? held.splice(0) : held.splice(i, 1);
      if (i < 0) hold = false;
      await act(async () => {
        for (const h of going) h.go();
        await new Promise((r) => setTimeout(r, 0));
      });
    },
  };
}

async function loaded(preset: string, policy: 'broadcast' | 'selective') {
  const fake = heldSession();
  const scenario = await presetScenario(preset);
  if (!scenario) throw new Error(`no preset ${preset}`);
  const run = await fake.api.load({ ...scenario, policy });
  const reference = new SimSession();
  await reference.load(run.scenario);
  return { ...fake, run, at: (cursor: number) => reference.frameAt(cursor) };
}

interface Props {
  api: SimApi;
  run: RunInfo;
  target: number;
}

/** The hook as a half uses it: the frames one step of `target` away are its neighbours. */
function mount(initial: Props) {
  const errors: string[] = [];
  const hook = renderHook(
    ({ api, run, target }: Props) =>
      usePairedFrame(
        api,
        run,
        target,
        stepNeighbours(target, run.eventCount, run.interruptCursors),
        (m) => errors.push(m),
      ),
    { initialProps: initial },
  );
  return { ...hook, errors };
}

const view = (f: Frame | null) => f && { cursor: f.cursor, view: f.view, event: f.event };

describe('side by side keeps the frames one step away', () => {
  it('shows a step to a neighbour in the same render, while the worker is busy', async () => {
    const half = await loaded('fig3-broadcast', 'broadcast');
    const hook = mount({ api: half.api, run: half.run, target: 10 });
    await half.release();
    expect(view(hook.result.current)).toEqual(view(await half.at(10)));

    half.hold();
    // Forward one event, then to the next interrupt: each kept, each shown before any answer.
    hook.rerender({ api: half.api, run: half.run, target: 11 });
    expect(view(hook.result.current)).toEqual(view(await half.at(11)));
    const next = half.run.interruptCursors.find((c) => c > 11)!;
    await half.release();
    half.hold();
    hook.rerender({ api: half.api, run: half.run, target: next });
    expect(view(hook.result.current)).toEqual(view(await half.at(next)));
    // Back one event from there: asked for with the step before, so kept too.
    await half.release();
    hook.rerender({ api: half.api, run: half.run, target: next - 1 });
    expect(view(hook.result.current)).toEqual(view(await half.at(next - 1)));
    expect(hook.errors).toEqual([]);
  });

  it('a seek elsewhere keeps the last frame until its own comes, and a late answer never wins', async () => {
    const half = await loaded('fig3-broadcast', 'broadcast');
    const hook = mount({ api: half.api, run: half.run, target: 10 });
    await half.release();
    half.hold();
    // Two seeks far away, answered in the wrong order.
    hook.rerender({ api: half.api, run: half.run, target: 90 });
    expect(hook.result.current?.cursor).toBe(10);
    hook.rerender({ api: half.api, run: half.run, target: 140 });
    expect(hook.result.current?.cursor).toBe(10);
    await half.release(140);
    expect(view(hook.result.current)).toEqual(view(await half.at(140)));
    await half.release(90);
    expect(view(hook.result.current)).toEqual(view(await half.at(140)));
  });

  it('a new run (an edit, another scenario) never shows the old run’s frames', async () => {
    const first = await loaded('fig3-broadcast', 'broadcast');
    const hook = mount({ api: first.api, run: first.run, target: 10 });
    await first.release();
    expect(hook.result.current?.cursor).toBe(10);

    // The same cursor in another run: nothing until its own frame is there.
    const second = await loaded('fig4-selective', 'selective');
    second.hold();
    hook.rerender({ api: second.api, run: second.run, target: 10 });
    expect(hook.result.current).toBeNull();
    await second.release();
    expect(view(hook.result.current)).toEqual(view(await second.at(10)));

    // And its neighbours are its own: a step shows the second run's next frame at once.
    second.hold();
    hook.rerender({ api: second.api, run: second.run, target: 11 });
    expect(view(hook.result.current)).toEqual(view(await second.at(11)));
    await second.release();
  });

  it('asks only for the frames it does not keep, in one round trip per step', async () => {
    const half = await loaded('fig3-broadcast', 'broadcast');
    const hook = mount({ api: half.api, run: half.run, target: 10 });
    await half.release();
    const before = half.asked.length;
    hook.rerender({ api: half.api, run: half.run, target: 11 });
    await half.release();
    const asked = half.asked.slice(before);
    expect(asked).toHaveLength(1);
    // 10 and 11 are kept: only the new neighbour (12) and any new interrupt marker are asked for.
    expect(asked[0]).not.toContain(10);
    expect(asked[0]).not.toContain(11);
    expect(asked[0]).toContain(12);
  });
});
