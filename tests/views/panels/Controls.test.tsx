// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Controls } from '../../../src/views/panels';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Controls', () => {
  it('shows the player buttons with their labels', async () => {
    await renderWithStore(<Controls />);
    for (const name of ['First', 'Back', 'Play', 'Forward', 'Last', 'Reset']) {
      expect(button(name)).toBeTruthy();
    }
    expect(button('First').disabled).toBe(true);
    expect(button('Back').disabled).toBe(true);
    expect(button('Forward').disabled).toBe(false);
    expect(button('Forward').title).toContain('→');
  });

  it('Forward, Last and First move the cursor through the store', async () => {
    const { store } = await renderWithStore(<Controls />);
    await inAct(() => fireEvent.click(button('Forward')));
    expect(store.getState().cursor).toBe(1);
    expect(button('Back').disabled).toBe(false);
    await inAct(() => fireEvent.click(button('Last')));
    expect(store.getState().cursor).toBe(store.getState().run!.eventCount);
    expect(button('Forward').disabled).toBe(true);
    await inAct(() => fireEvent.click(button('First')));
    expect(store.getState().cursor).toBe(0);
  });

  it('Play turns into Pause', async () => {
    const { store } = await renderWithStore(<Controls />);
    await inAct(() => fireEvent.click(button('Play')));
    expect(store.getState().playing).toBe(true);
    expect(button('Pause')).toBeTruthy();
    await inAct(() => fireEvent.click(button('Pause')));
    expect(store.getState().playing).toBe(false);
  });

  it('offers speeds 0.25x to 8x', async () => {
    const { store } = await renderWithStore(<Controls />);
    const select = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toEqual(['0.25x', '0.5x', '1x', '2x', '4x', '8x']);
    await inAct(() => fireEvent.change(select, { target: { value: '4' } }));
    expect(store.getState().speed).toBe(4);
  });

  it('the granularity toggle is pressed when stepping by interrupt', async () => {
    const { store } = await renderWithStore(<Controls />);
    const toggle = button('Step by interrupt');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await inAct(() => fireEvent.click(toggle));
    expect(store.getState().granularity).toBe('interrupt');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await inAct(() => fireEvent.click(button('Forward')));
    expect(store.getState().cursor).toBe(store.getState().run!.interruptCursors[0]);
  });
});
