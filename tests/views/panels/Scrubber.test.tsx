// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Scrubber } from '../../../src/views/panels';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

describe('Scrubber', () => {
  it('spans the run and follows the cursor', async () => {
    const { store } = await renderWithStore(<Scrubber />);
    const range = screen.getByRole('slider', { name: 'Cursor' }) as HTMLInputElement;
    expect(range.min).toBe('0');
    expect(range.max).toBe(String(store.getState().run!.eventCount));
    expect(range.value).toBe('0');
    await inAct(() => store.getState().seek(12));
    expect(range.value).toBe('12');
    expect(range.getAttribute('aria-valuetext')).toContain('12');
  });

  it('seeks when moved', async () => {
    const { store } = await renderWithStore(<Scrubber />);
    const range = screen.getByRole('slider', { name: 'Cursor' });
    await inAct(() => fireEvent.change(range, { target: { value: '40' } }));
    expect(store.getState().cursor).toBe(40);
    expect(store.getState().frame?.cursor).toBe(40);
  });

  it('draws one tick per interrupt marker', async () => {
    const { store } = await renderWithStore(<Scrubber />);
    const path = screen.getByTestId('scrubber-ticks').querySelector('path')!;
    const ticks = path.getAttribute('d')!.match(/M/g) ?? [];
    const markers = store.getState().run!.interruptCursors;
    expect(ticks).toHaveLength(markers.length);
    expect(path.getAttribute('d')).toContain(`M${markers[0]} 0`);
  });
});
