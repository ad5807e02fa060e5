// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowPanel } from '../../../src/views/panels';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

/** The box number lit in the run's own row, or null. */
function litBox(): string | null {
  const own = screen.getByRole('group', { name: /this run/ });
  const current = own.querySelector('[aria-current="step"]');
  return current?.getAttribute('data-box') ?? null;
}

describe('FlowPanel', () => {
  it('shows the five boxes with nothing lit at the start', async () => {
    await renderWithStore(<FlowPanel />, 'fig4-selective');
    const own = screen.getByRole('group', { name: /Selective forwarding.*this run/ });
    expect(
      within(own)
        .getAllByRole('listitem')
        .map((li) => li.dataset.box),
    ).toEqual(['610', '620', '630', '640', '650']);
    expect(litBox()).toBeNull();
    expect(screen.getByRole('group', { name: /Baseline broadcast.*for contrast/ })).toBeTruthy();
  });

  it('lights the box of the step on screen as the cursor moves', async () => {
    const { store } = await renderWithStore(<FlowPanel />, 'fig4-selective');
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    const forward = events.findIndex((e) => e.type === 'host.forward');
    const read = events.findIndex((e) => e.type === 'host.config-read');
    await inAct(() => store.getState().seek(read + 1));
    expect(litBox()).toBe('620');
    await inAct(() => store.getState().seek(forward + 1));
    expect(litBox()).toBe('630');
    expect(screen.getByTestId('flow-detail').textContent).toMatch(/^630: Only to the VMs/);
    await inAct(() => store.getState().seek(read + 1));
    expect(litBox()).toBe('620');
  });

  it('says the run is over at its end, not to step forward', async () => {
    const { store } = await renderWithStore(<FlowPanel />, 'fig3-broadcast');
    const detail = () => screen.getByTestId('flow-detail').textContent;
    expect(detail()).toBe('Step forward: the first interrupt lights 610.');
    await inAct(() => store.getState().last());
    expect(litBox()).toBeNull();
    expect(detail()).toBe('The run is over: no interrupt is in progress.');
  });

  it('puts the baseline first under broadcast, with the technique as contrast', async () => {
    const { store } = await renderWithStore(<FlowPanel />, 'fig3-broadcast');
    expect(screen.getByRole('group', { name: /Baseline broadcast.*this run/ })).toBeTruthy();
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    const forward = events.findIndex((e) => e.type === 'host.forward');
    await inAct(() => store.getState().seek(forward + 1));
    expect(litBox()).toBe('630');
    expect(screen.getByTestId('flow-detail').textContent).toMatch(/Every VM/);
  });
});
