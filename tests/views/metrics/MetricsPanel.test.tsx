// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summarize } from '../../../src/engine/summary';
import { MetricsPanel } from '../../../src/views/metrics';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

function entityCells(entity: string): string[] {
  const row = screen.getAllByRole('row').find((r) => r.dataset.entity === entity)!;
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('MetricsPanel', () => {
  it('shows the engine summary at the cursor, and the whole run on request', async () => {
    const { store } = await renderWithStore(<MetricsPanel />, 'fig3-broadcast');
    const state = store.getState();
    const events = await state.fetchEvents(0, state.run!.eventCount);
    const entity = Object.keys(state.run!.summary.entities)[0]!;

    // Half way: the numbers are those of summarize() over the first half of the events.
    const half = Math.floor(events.length / 2);
    await inAct(() => store.getState().seek(half));
    await inAct(async () => {});
    const partial = summarize(state.run!.scenario, events.slice(0, half)).entities[entity]!;
    expect(entityCells(entity).slice(0, 4)).toEqual(
      [partial.interrupts, partial.spurious, partial.isrCalls, partial.contextSwitches].map(String),
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Whole run' }));
    const whole = state.run!.summary.entities[entity]!;
    expect(entityCells(entity).slice(0, 4)).toEqual(
      [whole.interrupts, whole.spurious, whole.isrCalls, whole.contextSwitches].map(String),
    );
    expect(screen.getByTestId('metrics').dataset.scope).toBe('run');
  });

  it('follows the cursor back to the start', async () => {
    const { store } = await renderWithStore(<MetricsPanel />, 'fig3-broadcast');
    await inAct(() => store.getState().last());
    await inAct(async () => {});
    const total = () =>
      screen.getByText('Context switches').parentElement!.querySelector('dd')!.textContent;
    expect(total()).toBe('12');
    await inAct(() => store.getState().first());
    await inAct(async () => {});
    expect(total()).toBe('0');
  });

  it('draws one bar per entity, scaled to the largest', async () => {
    await renderWithStore(<MetricsPanel />, 'fig3-broadcast');
    fireEvent.click(screen.getByRole('radio', { name: 'Whole run' }));
    const chart = screen.getByRole('img', { name: /^Switches:/ });
    const bars = chart.querySelectorAll('rect.bar');
    const widths = [...bars].map((b) => Number(b.getAttribute('width')));
    expect(widths.length).toBeGreaterThan(1);
    expect(Math.max(...widths)).toBeGreaterThan(0);
  });
});
