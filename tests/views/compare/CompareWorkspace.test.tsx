// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CompareWorkspace } from '../../../src/views/compare';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

const cellValue = (row: string, variant: string) =>
  document
    .querySelector(`tr[data-row="${row}"] td[data-variant="${variant}"] .value`)
    ?.textContent?.trim();

describe('CompareWorkspace (main-thread sessions, as without Web Workers)', () => {
  it('shows the four variants at the cursor time and follows the cursor', async () => {
    const { store } = await renderWithStore(<CompareWorkspace />, 'fig3-broadcast');
    await waitFor(() => expect(screen.getByTestId('compare-table')).toBeTruthy(), {
      timeout: 10_000,
    });
    fireEvent.click(screen.getByRole('radio', { name: 'At the cursor' }));
    expect(screen.getByText('These runs share the main thread', { exact: false })).toBeTruthy();
    expect(cellValue('serviced', 'broadcast')).toBe('0');
    await inAct(() => store.getState().last());
    await waitFor(() => expect(cellValue('contextSwitches', 'broadcast')).toBe('12'));
    expect(cellValue('contextSwitches', 'selective')).toBe('4');
    expect(cellValue('spurious', 'broadcast')).toBe('8');
    expect(screen.getByTestId('compare-time').textContent).toMatch(/t = 4004\.200 µs/);
  });

  it('switches between the cursor and the whole run', async () => {
    await renderWithStore(<CompareWorkspace />, 'fig3-broadcast');
    await waitFor(() => expect(screen.getByTestId('compare-table')).toBeTruthy(), {
      timeout: 10_000,
    });
    // It opens on the whole run, not on the zeros of step 0.
    expect(screen.getByTestId('compare-table').getAttribute('data-scope')).toBe('whole');
    await waitFor(() => expect(cellValue('contextSwitches', 'broadcast')).toBe('12'));
    fireEvent.click(screen.getByRole('radio', { name: 'At the cursor' }));
    expect(screen.getByTestId('compare-table').getAttribute('data-scope')).toBe('at');
    expect(cellValue('contextSwitches', 'broadcast')).toBe('0');
    // 0 against 0 is no ratio.
    expect(
      document.querySelector('tr[data-row="contextSwitches"] td[data-variant="selective"] .ratio')
        ?.textContent,
    ).toBe('–');
    fireEvent.click(screen.getByRole('radio', { name: 'Whole run' }));
    expect(cellValue('contextSwitches', 'broadcast')).toBe('12');
    expect(screen.getByRole('radio', { name: 'Whole run' }).getAttribute('aria-checked')).toBe(
      'true',
    );
  });

  it('runs a small sweep and draws six charts with both policies', async () => {
    await renderWithStore(<CompareWorkspace />, 'fig3-broadcast');
    const raises = await screen.findByLabelText('Raises per point');
    fireEvent.change(raises, { target: { value: '40' } });
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Run sweep' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(
      () => expect(screen.getByTestId('sweep-status').getAttribute('data-status')).toBe('done'),
      { timeout: 20_000 },
    );
    const progress = document.querySelector('progress')!;
    expect(progress.getAttribute('value')).toBe('36');
    expect(document.querySelectorAll('.line-chart')).toHaveLength(6);
    expect(document.querySelectorAll('.series-broadcast path')).toHaveLength(6);
    expect(document.querySelectorAll('.series-msi path')).toHaveLength(6);
    expect(screen.getByTestId('crossover-vms').textContent).toMatch(/at 1 VM/);
  });

  it('refuses a bad request with the field named', async () => {
    await renderWithStore(<CompareWorkspace />, 'fig3-broadcast');
    const raises = await screen.findByLabelText('Raises per point');
    fireEvent.change(raises, { target: { value: '0' } });
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Run sweep' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /\$\.raises: must be an integer/,
    );
  });
});
