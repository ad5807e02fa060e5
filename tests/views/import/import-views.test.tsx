// @vitest-environment jsdom
import '../graph/setup-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StoreProvider, type AppStore } from '../../../src/store';
import { ImportBanners, ImportLayer, OpenFileButton } from '../../../src/views/import';
import { exportedTraceText, scenarioText } from '../../import/helpers';
import { loadedStore } from '../../store/make-store';

async function renderImport(): Promise<AppStore> {
  const store = await loadedStore();
  render(
    <StoreProvider store={store}>
      <OpenFileButton />
      <ImportBanners />
      <ImportLayer />
    </StoreProvider>,
  );
  return store;
}

/** A drag event carrying files, as the browser sends it (jsdom has no DragEvent). */
function fileDrag(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types: ['Files'], files, dropEffect: 'none' },
  });
  return event;
}

describe('opening files from the page', () => {
  it('the Open button picks a file through the file input', async () => {
    const store = await renderImport();
    const input = screen.getByLabelText('Open a scenario or trace file') as HTMLInputElement;
    expect(input.type).toBe('file');
    const file = new File([scenarioText('storm')], 'storm.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(store.getState().opened?.file).toBe('storm.json'));
    expect(screen.getByTestId('opened-badge').textContent).toContain('Opened scenario');
    expect(screen.getByRole('button', { name: 'Open…' })).toBeTruthy();
  });

  it('a drop anywhere opens the file; the overlay shows while dragging', async () => {
    const store = await renderImport();
    const file = new File([await exportedTraceText('fig4-selective')], 'run.trace.json');
    act(() => void window.dispatchEvent(fileDrag('dragenter', [file])));
    expect(screen.getByTestId('drop-overlay').textContent).toContain('Drop to open');
    const over = fileDrag('dragover', [file]);
    act(() => void window.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true);
    await act(async () => {
      window.dispatchEvent(fileDrag('drop', [file]));
    });
    await waitFor(() => expect(store.getState().run?.imported).toBe(true));
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    const badge = screen.getByTestId('opened-badge');
    expect(badge.textContent).toContain('Imported trace');
    expect(badge.textContent).toContain('run.trace.json');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Re-run with this engine' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('rerun-result').textContent).toMatch(/Identical/),
    );
  });

  it('shows the progress dialog with stage and percent while a file is read', async () => {
    const store = await renderImport();
    act(() =>
      store.setState({ importProgress: { file: 'big.json', stage: 'validate', fraction: 0.62 } }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Opening big.json');
    expect(dialog.textContent).toContain('Checking every field');
    expect(dialog.textContent).toContain('62%');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBeCloseTo(0.62);
    expect((screen.getByRole('button', { name: 'Open…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('lists the problems of a refused file, with file and path, and can dismiss them', async () => {
    const store = await renderImport();
    const before = store.getState().run;
    const file = new File(['{"format":"intx-lab/scenario","version":1,"policy":7}'], 'x.json');
    await act(async () => {
      window.dispatchEvent(fileDrag('drop', [file]));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not open x.json; nothing was changed.');
    expect(alert.textContent).toContain('$.policy');
    expect(store.getState().run).toBe(before);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Dismiss file problems' })));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
