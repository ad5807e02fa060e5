import { describe, expect, it } from 'vitest';
import { eventsPerRaise, pointKey, warmUpRuns } from '../../src/analysis/engine-free';
import { WarmUp } from '../../src/client/analysis-pool';
import type { SimApi } from '../../src/protocol/api';

/** A worker's API that records the sweep points asked and answers each when told to. */
function fakeApi() {
  const asked: string[] = [];
  const answers: (() => void)[] = [];
  const api = {
    sweepPoint: (_request: unknown, spec: Parameters<SimApi['sweepPoint']>[1]) => {
      asked.push(pointKey(spec));
      return new Promise((resolve) => answers.push(() => resolve(undefined)));
    },
  } as unknown as SimApi;
  /** Answers the oldest question still open, then lets the warm-up go on. */
  const answer = async () => {
    answers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { api, asked, answer };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe("a worker's warm-up", () => {
  it('runs its small runs one at a time, in order, to the end', async () => {
    const { api, asked, answer } = fakeApi();
    const warm = new WarmUp(api);
    const runs = warmUpRuns();
    await settle();
    for (let i = 0; i < runs.length; i++) {
      // One run asked at a time: the next only once this one is answered.
      expect(asked).toHaveLength(i + 1);
      await answer();
    }
    await warm.done;
    expect(asked).toEqual(runs.map((r) => pointKey(r.spec)));
  });

  it('waits while a call for the person is unanswered, and goes on after', async () => {
    const { api, asked, answer } = fakeApi();
    const warm = new WarmUp(api);
    await settle();
    expect(asked).toHaveLength(1);
    let finish = () => {};
    const compare = warm.around(() => new Promise<void>((resolve) => (finish = resolve)));
    await answer(); // the warm-up run that was going ends...
    await settle();
    expect(asked).toHaveLength(1); // ...and none starts while the compare is open
    finish();
    await compare;
    await settle();
    expect(asked).toHaveLength(2);
    warm.end();
  });

  it('ends for good once a sweep takes the worker', async () => {
    const { api, asked, answer } = fakeApi();
    const warm = new WarmUp(api);
    await settle();
    warm.end();
    await answer();
    await warm.done;
    expect(asked).toHaveLength(1);
  });

  it('keeps each run small: under 70,000 events at the sweep model', () => {
    for (const { request, spec } of warmUpRuns()) {
      expect(Number.isInteger(request.raises)).toBe(true);
      expect(eventsPerRaise(spec) * request.raises).toBeLessThan(70_000);
    }
  });
});
