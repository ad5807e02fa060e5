// @vitest-environment jsdom
import '../graph/setup-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useKeyboardShortcuts } from '../../../src/commands';
import { StoreProvider } from '../../../src/store';
import { TimelinePane } from '../../../src/views/timeline';
import { loadedStore } from '../../store/make-store';
import { inAct, renderWithStore } from '../panels/render-with-store';

const WIDTH = 800;
/** Height of the lanes' scroller: rows below it are not drawn. */
const VIEW_HEIGHT = 600;
const original = HTMLElement.prototype.getBoundingClientRect;
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;

beforeAll(() => {
  // jsdom lays nothing out: give the lanes area a width, at the page's left edge.
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    const width = this.classList.contains('tl-lanes') ? WIDTH : 0;
    return {
      x: 0,
      y: 0,
      left: 0,
      top: 0,
      right: width,
      bottom: 400,
      width,
      height: 400,
    } as DOMRect;
  };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('tl-scroller') ? VIEW_HEIGHT : 0;
    },
  });
});
afterAll(() => {
  HTMLElement.prototype.getBoundingClientRect = original;
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

/** The timeline with the page's keyboard shortcuts, as in the app. */
function WithShortcuts() {
  useKeyboardShortcuts();
  return <TimelinePane />;
}

async function renderTimeline(preset = 'fig3-broadcast') {
  const rendered = await renderWithStore(<WithShortcuts />, preset);
  await screen.findByTestId('timeline-lanes');
  // Let the zoom's opening transform land: one animation frame once measured, and
  // one more for the window re-fitted to the measured width.
  await inAct(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await inAct(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return rendered;
}

const cursorLine = () => screen.getByTestId('timeline-cursor');
const ticks = () =>
  [...screen.getByTestId('timeline-axis').querySelectorAll('.tl-tick-label')].map(
    (t) => t.textContent,
  );
const nextFrame = () => inAct(() => new Promise((r) => requestAnimationFrame(() => r(null))));

describe('TimelinePane', () => {
  it('opens with the line, controller and VM lanes first, and devices collapsed to their pin', async () => {
    await renderTimeline();
    const titles = [...document.querySelectorAll('.tl-group-label')].map((g) => g.textContent);
    expect(titles.slice(0, 2).join(' ')).toMatch(/Line INTA.*I\/O APIC INTA/);
    const device = screen.getByRole('button', { name: 'Device nic0' });
    expect(device.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: 'VM vm1' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    // The collapsed device row still draws its pin (530).
    expect(document.querySelector('g[data-lane="device:nic0:pin"].tl-header-lane')).not.toBeNull();
    const labels = [...document.querySelectorAll('.tl-lane-label')].map((l) => l.textContent);
    expect(labels[0]).toBe('level');
    expect(labels).not.toContain('500cause');
    expect(document.querySelectorAll('g[data-lane]').length).toBeGreaterThan(10);
    expect(cursorLine().getAttribute('data-time')).toBe('0');
  });

  it('opens zoomed on the first interrupt, not on the whole run', async () => {
    await renderTimeline();
    const labels = ticks();
    // fig3-broadcast's first interrupt runs from 1 ms for a few µs: the ticks
    // are µs apart around 1 ms, not 0.5 ms apart over 4 ms.
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.every((l) => /^1(\.00\d*)? ms$/.test(l ?? ''))).toBe(true);
  });

  it('moves its cursor with the frame on screen', async () => {
    const { store } = await renderTimeline();
    const before = Number(cursorLine().getAttribute('x1'));
    await inAct(() => store.getState().seek(1));
    expect(cursorLine().getAttribute('data-time')).toBe('1000000');
    expect(Number(cursorLine().getAttribute('x1'))).toBeGreaterThan(before + 100);
  });

  it('seeks the run to the time clicked, and reads out the time hovered', async () => {
    const { store } = await renderTimeline();
    const lanes = screen.getByTestId('timeline-lanes');
    fireEvent.mouseMove(lanes, { clientX: WIDTH / 2, clientY: 30 });
    const readout = screen.getByTestId('timeline-readout').textContent ?? '';
    expect(readout).toMatch(/^[\d,]+ ns · Line INTA level = [01]$/);
    // The same words by the pointer.
    expect(screen.getByTestId('timeline-hover-tip').textContent).toBe(readout);
    const t = Number(readout.split(' ns')[0]!.replace(/,/g, ''));
    await inAct(async () => {
      fireEvent.click(lanes, { clientX: WIDTH / 2, clientY: 30 });
      await new Promise((r) => setTimeout(r, 20));
    });
    const { cursor, frame } = store.getState();
    expect(cursor).toBeGreaterThan(0);
    expect(frame!.view.t).toBeLessThanOrEqual(t + 1);
    const [next] = await store.getState().fetchEvents(cursor, cursor + 1);
    expect(next!.t).toBeGreaterThan(t - 1);
  });

  it("covers the run after a lesson question's stop, and reads out nothing there", async () => {
    const { store } = await renderTimeline();
    expect(screen.queryByTestId('timeline-future')).toBeNull();
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    // A stop a few events into the first interrupt, in the window the timeline opens on.
    const limit = events.findIndex((e) => e.t > 1_000_000) + 3;
    await inAct(() => store.setState({ cursorLimit: limit }));
    const mask = await screen.findByTestId('timeline-future');
    expect(mask.textContent).toBe('The lesson continues after you answer');
    const left = parseFloat(mask.style.left);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(WIDTH);
    const lanes = screen.getByTestId('timeline-lanes');
    // Before the stop the hovered value is read out; after it, nothing is.
    fireEvent.mouseMove(lanes, { clientX: left - 20, clientY: 30 });
    expect(screen.getByTestId('timeline-hover-tip').textContent).toMatch(/Line INTA level/);
    fireEvent.mouseMove(lanes, { clientX: left + 20, clientY: 30 });
    expect(screen.queryByTestId('timeline-hover-tip')).toBeNull();
    expect(screen.getByTestId('timeline-readout').textContent).not.toMatch(/Line INTA level/);
    // Answered: the mask goes.
    await inAct(() => store.setState({ cursorLimit: null }));
    expect(screen.queryByTestId('timeline-future')).toBeNull();
  });

  it('says at each limit that its zoom button has no further to go', async () => {
    await renderTimeline();
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
    const zoomOut = screen.getByRole('button', { name: 'Zoom out' });
    // It opens on the first interrupt: room both ways.
    expect(zoomIn.getAttribute('aria-disabled')).toBeNull();
    expect(zoomOut.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Whole run' }));
    await nextFrame();
    expect(zoomOut.getAttribute('aria-disabled')).toBe('true');
    expect(zoomOut.title).toBe('The whole run is shown');
    zoomIn.focus();
    for (let i = 0; i < 20; i++) {
      fireEvent.click(zoomIn);
      await nextFrame();
    }
    expect(zoomIn.getAttribute('aria-disabled')).toBe('true');
    expect(zoomIn.title).toBe('Zoomed in as far as it goes');
    expect(zoomOut.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(zoomIn);
  });

  it('pans and zooms from the keyboard without stepping the simulation', async () => {
    const { store } = await renderTimeline();
    const lanes = screen.getByTestId('timeline-lanes');
    lanes.focus();
    const whole = ticks();
    fireEvent.keyDown(lanes, { key: '+' });
    await nextFrame();
    const zoomed = ticks();
    expect(zoomed).not.toEqual(whole);
    fireEvent.keyDown(lanes, { key: 'ArrowRight' });
    await nextFrame();
    expect(ticks()).not.toEqual(zoomed);
    expect(store.getState().cursor).toBe(0);
    fireEvent.keyDown(lanes, { key: '0' });
    await nextFrame();
    // 0 shows the whole run: fig3-broadcast ends just after 4 ms.
    expect(ticks()).not.toEqual(whole);
    expect(ticks()).toContain('4 ms');
    // Outside the lanes the arrow keys still step.
    await inAct(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowRight' });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(store.getState().cursor).toBe(1);
  });

  it('opens a collapsed device to its Figure 5 lanes and collapses it again', async () => {
    await renderTimeline();
    const group = screen.getByRole('button', { name: 'Device nic0' });
    const nic0Labels = () => document.querySelectorAll('.tl-lane-label[data-lane^="device:nic0:"]');
    expect(nic0Labels()).toHaveLength(0);
    fireEvent.click(group);
    expect(group.getAttribute('aria-expanded')).toBe('true');
    expect(nic0Labels()).toHaveLength(5);
    fireEvent.click(group);
    expect(nic0Labels()).toHaveLength(0);
    fireEvent.click(within(document.body).getByRole('button', { name: 'Collapse all' }));
    expect(document.querySelectorAll('.tl-lane-label').length).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(nic0Labels()).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Device nic0' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('draws only the rows in view for 32 VMs, which start collapsed', async () => {
    await renderTimeline('scale-32-vms');
    const vm = screen.getByRole('button', { name: 'VM vm1' });
    expect(vm.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    await nextFrame();
    const drawn = document.querySelectorAll('g[data-lane]').length;
    expect(drawn).toBeGreaterThan(10);
    // About a view's height of 22 px rows plus margins, not the 200-odd lanes.
    expect(drawn).toBeLessThan(50);
  });
});

describe('TimelinePane: lanes held back', () => {
  it('asks for no lanes while they are not wanted, and asks once they are', async () => {
    const store = await loadedStore('fig3-broadcast');
    let asked = 0;
    const fetchLanes = store.getState().fetchLanes;
    store.setState({
      fetchLanes: () => {
        asked += 1;
        return fetchLanes();
      },
    });
    const ui = (wanted: boolean) => (
      <StoreProvider store={store}>
        <TimelinePane lanesWanted={wanted} />
      </StoreProvider>
    );
    const view = render(ui(false));
    await inAct(() => new Promise((r) => setTimeout(r, 20)));
    expect(asked).toBe(0);
    expect(screen.queryByTestId('timeline-lanes')).toBeNull();
    view.rerender(ui(true));
    await screen.findByTestId('timeline-lanes');
    expect(asked).toBe(1);
  });
});
