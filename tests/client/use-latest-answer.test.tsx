// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  useLatestAnswer,
  type Answer,
  type LatestAnswerOptions,
  type QueryKey,
} from '../../src/client/use-latest-answer';

afterEach(cleanup);

/** A request answered by hand, in whatever order the test chooses. */
interface Asked {
  key: string;
  resolve(value: string): void;
  reject(error: Error): void;
}

function deferredAsk() {
  const asked: Asked[] = [];
  const ask = vi.fn(
    ([key]: readonly [string]) =>
      new Promise<string>((resolve, reject) => asked.push({ key, resolve, reject })),
  );
  return { asked, ask };
}

/** Lets the answers' promise callbacks run, inside act so React applies their updates. */
const settle = () => act(async () => {});

function render(
  first: readonly [string] | null,
  ask: (key: readonly [string]) => Promise<string>,
  options: LatestAnswerOptions = {},
) {
  return renderHook(({ k }: { k: readonly [string] | null }) => useLatestAnswer(k, ask, options), {
    initialProps: { k: first },
  });
}

describe('useLatestAnswer', () => {
  it('drops an older answer that arrives after a newer request', async () => {
    const { asked, ask } = deferredAsk();
    const hook = render(['a'], ask);
    hook.rerender({ k: ['b'] });
    expect(asked.map((a) => a.key)).toEqual(['a', 'b']);
    asked[1]!.resolve('answer b');
    await settle();
    asked[0]!.resolve('answer a'); // late: b was asked after it
    await settle();
    expect(hook.result.current.answer).toEqual({ key: ['b'], value: 'answer b' });
  });

  it('asks once per key, comparing the key element by element', async () => {
    const { asked, ask } = deferredAsk();
    const hook = render(['a'], ask);
    hook.rerender({ k: ['a'] }); // a new array, the same key
    expect(asked).toHaveLength(1);
    asked[0]!.resolve('x');
    await settle();
    expect(hook.result.current.answer?.value).toBe('x');
  });

  it('keeps the held answer while the next key is on its way', async () => {
    const { asked, ask } = deferredAsk();
    const hook = render(['a'], ask);
    asked[0]!.resolve('answer a');
    await settle();
    hook.rerender({ k: ['b'] });
    await settle();
    expect(hook.result.current.answer).toEqual({ key: ['a'], value: 'answer a' });
  });

  it('sends the newest failure to the one handler, and drops a stale one', async () => {
    const { asked, ask } = deferredAsk();
    const onError = vi.fn();
    const hook = render(['a'], ask, { onError });
    hook.rerender({ k: ['b'] });
    asked[0]!.reject(new Error('stale failure'));
    await settle();
    expect(onError).not.toHaveBeenCalled();
    asked[1]!.reject(new Error('the worker stopped'));
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('the worker stopped');
    expect(hook.result.current.error).toBe('the worker stopped');
    // The next answer clears it.
    hook.rerender({ k: ['c'] });
    asked[2]!.resolve('answer c');
    await settle();
    expect(hook.result.current).toEqual({ answer: { key: ['c'], value: 'answer c' }, error: null });
  });

  it('turns a request that throws at once into the same failure', async () => {
    const onError = vi.fn();
    const ask = (): Promise<string> => {
      throw new Error('no run');
    };
    render(['a'], ask, { onError });
    await settle();
    expect(onError).toHaveBeenCalledWith('no run');
  });

  it('drops what is on its way when the key goes away or the component unmounts', async () => {
    const { asked, ask } = deferredAsk();
    const hook = render(['a'], ask);
    hook.rerender({ k: null });
    asked[0]!.resolve('answer a');
    await settle();
    expect(hook.result.current.answer).toBeNull();
    hook.rerender({ k: ['b'] });
    hook.unmount();
    asked[1]!.resolve('answer b'); // would warn of an update on an unmounted component
    await settle();
    expect(hook.result.current.answer).toBeNull();
  });

  it('one at a time: keys wanted meanwhile collapse into the newest, asked next', async () => {
    const { asked, ask } = deferredAsk();
    const hook = render(['t1'], ask, { oneAtATime: true });
    hook.rerender({ k: ['t2'] });
    hook.rerender({ k: ['t3'] });
    expect(asked.map((a) => a.key)).toEqual(['t1']);
    asked[0]!.resolve('at t1');
    await settle();
    // The answer in flight is still shown: the table keeps up with a moving cursor.
    expect(hook.result.current.answer?.value).toBe('at t1');
    expect(asked.map((a) => a.key)).toEqual(['t1', 't3']);
    asked[1]!.resolve('at t3');
    await settle();
    expect(hook.result.current.answer).toEqual({ key: ['t3'], value: 'at t3' });
  });

  it('computes the key from the answer held, asking only when it no longer serves', async () => {
    const { asked, ask } = deferredAsk();
    type K = readonly [string];
    // Ask for the window of the cursor's decade until the held one is that decade.
    const keyFor =
      (cursor: number) =>
      (held: Answer<K, string> | null): K | null => {
        const decade = String(Math.floor(cursor / 10));
        return held?.key[0] === decade ? null : [decade];
      };
    const hook = renderHook(
      ({ cursor }: { cursor: number }) =>
        useLatestAnswer<QueryKey & K, string>(keyFor(cursor), ask),
      { initialProps: { cursor: 3 } },
    );
    asked[0]!.resolve('0-9');
    await settle();
    hook.rerender({ cursor: 7 });
    expect(asked).toHaveLength(1);
    hook.rerender({ cursor: 12 });
    expect(asked.map((a) => a.key)).toEqual(['0', '1']);
  });
});
