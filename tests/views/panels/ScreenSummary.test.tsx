// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScreenSummary, SCREEN_SUMMARY_INTERVAL_MS } from '../../../src/views/panels/ScreenSummary';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

const text = () => screen.getByTestId('screen-summary').textContent ?? '';
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('ScreenSummary', () => {
  it('follows each step at once, and at most every few seconds while playing', async () => {
    const { store } = await renderWithStore(<ScreenSummary />, 'fig3-broadcast');
    await wait(5);
    expect(text()).toMatch(/Step 0 of 165/);
    await inAct(() => store.getState().seek(3));
    await wait(5);
    expect(text()).toMatch(/Step 3 of 165/);
    // Playing: the first change is read, the next ones wait for the interval.
    await inAct(() => store.setState({ playing: true }));
    await wait(5);
    await inAct(() => store.getState().seek(4));
    await wait(50);
    expect(text()).toMatch(/Step 3 of 165/);
    expect(SCREEN_SUMMARY_INTERVAL_MS).toBeGreaterThanOrEqual(1000);
    await inAct(() => store.setState({ playing: false }));
    await wait(5);
    expect(text()).toMatch(/Step 4 of 165/);
  });
});
