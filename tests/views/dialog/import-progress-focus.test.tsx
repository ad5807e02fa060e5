// @vitest-environment jsdom
import '../graph/setup-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StoreProvider, type AppStore } from '../../../src/store';
import { ImportLayer, OpenFileButton } from '../../../src/views/import';
import { scenarioText } from '../../import/helpers';
import { loadedStore } from '../../store/make-store';

/** The page as it is while a file is read: the Open button had focus when the reading began. */
async function reading(cancelRun: (() => void) | null): Promise<AppStore> {
  const store = await loadedStore();
  store.setState({ cancelRun });
  render(
    <StoreProvider store={store}>
      <OpenFileButton />
      <button type="button">Elsewhere</button>
      <ImportLayer />
    </StoreProvider>,
  );
  screen.getByRole('button', { name: 'Open…' }).focus();
  act(() => {
    store.setState({ importProgress: { file: 'big.trace.json', stage: 'syntax', fraction: 0.4 } });
  });
  return store;
}

const tab = (shiftKey = false) =>
  fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey });
const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

describe('the import progress dialog keeps focus while a file is read', () => {
  it('takes focus, keeps Tab and Shift+Tab on its Cancel button, and Escape cancels', async () => {
    const cancelRun = vi.fn();
    const store = await reading(cancelRun);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    // Cancel is the only control: both directions wrap onto it instead of leaving the dialog.
    expect(tab()).toBe(false);
    expect(document.activeElement).toBe(cancel);
    expect(tab(true)).toBe(false);
    expect(document.activeElement).toBe(cancel);

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(cancelRun).toHaveBeenCalledTimes(1);
    expect(store.getState().importProgress).toBeNull();
    // A cancelled reading is not a refused file: no list of problems.
    expect(store.getState().importErrors).toBeNull();
    await nextFrame();
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open…' }));
  });

  it('without a way to stop the simulation there is no Cancel and Escape does nothing', async () => {
    const store = await reading(null);
    const dialog = screen.getByRole('dialog', { name: /Opening big\.trace\.json/ });
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    // Nothing inside to move to: focus stays on the dialog itself.
    expect(document.activeElement).toBe(dialog);
    expect(tab()).toBe(false);
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(store.getState().importProgress).not.toBeNull();
    expect(store.getState().cancelImport()).toBe(false);
  });

  it('a reading cancelled before its answer arrives changes nothing and reports nothing', async () => {
    const store = await loadedStore();
    const cancelRun = vi.fn();
    store.setState({ cancelRun });
    const before = store.getState().scenario;
    const bytes = new TextEncoder().encode(scenarioText('storm')).buffer as ArrayBuffer;
    const opening = store.getState().openFile('storm.json', bytes);
    expect(store.getState().cancelImport()).toBe(true);
    expect(await opening).toBe(false);
    expect(cancelRun).toHaveBeenCalledTimes(1);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().opened).toBeNull();
    expect(store.getState().importErrors).toBeNull();
  });
});
