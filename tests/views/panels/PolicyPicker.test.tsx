// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyPicker } from '../../../src/views/panels/PolicyPicker';
import { renderWithStore } from './render-with-store';

afterEach(cleanup);

describe('PolicyPicker', () => {
  it('while a run loads the radios say so but stay enabled (focus stays), and refuse a change', async () => {
    const { store } = await renderWithStore(<PolicyPicker />, 'fig3-broadcast');
    const broadcast = screen.getByRole('radio', { name: 'Broadcast' });
    broadcast.focus();
    await act(async () => store.setState({ loading: true }));
    expect(broadcast.getAttribute('aria-disabled')).toBe('true');
    expect(broadcast.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(broadcast);
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: 'Native' }));
    });
    await act(async () => store.setState({ loading: false }));
    expect(store.getState().scenario?.policy).toBe('broadcast');
    expect((broadcast as HTMLInputElement).checked).toBe(true);
  });

  it('a change re-runs the scenario and leaves focus on the radio chosen', async () => {
    const { store } = await renderWithStore(<PolicyPicker />, 'fig3-broadcast');
    const selective = screen.getByRole('radio', { name: 'Selective' });
    selective.focus();
    await act(async () => {
      fireEvent.click(selective);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(store.getState().scenario?.policy).toBe('selective');
    expect((selective as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(selective);
  });
});
