// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmEditDialog, StatusLine } from '../../../src/views/panels';
import { formatMicros } from '../../../src/views/panels/format';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

describe('ConfirmEditDialog', () => {
  it('asks before an edit at a past cursor and applies it on confirm', async () => {
    const { store } = await renderWithStore(
      <>
        <ConfirmEditDialog />
        <StatusLine />
      </>,
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await inAct(() => store.getState().seek(10));
    const shown = formatMicros(store.getState().frame!.view.t);
    await inAct(() => store.getState().deviceAction('usb0', 'raise'));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('The future after this point will be recomputed');
    // The time on screen, as the status line shows it (the action itself is 1 ns later).
    expect(dialog.textContent).toContain(`You are at step 10 (${shown}).`);
    expect(document.activeElement?.textContent).toBe('Recompute');
    await inAct(() => fireEvent.click(screen.getByRole('button', { name: 'Recompute' })));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().frame?.event).toMatchObject({ type: 'device.raise', source: 'hand' });
  });

  it('Escape cancels', async () => {
    const { store } = await renderWithStore(<ConfirmEditDialog />);
    await inAct(() => store.getState().seek(10));
    await inAct(() => store.getState().deviceAction('usb0', 'raise'));
    await inAct(() => fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' }));
    expect(store.getState().pendingEdit).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
