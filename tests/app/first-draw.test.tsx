// @vitest-environment jsdom
import '../views/graph/setup-dom';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { loadedStore } from '../store/make-store';

/**
 * The staged first draw of another machine (src/app/useFirstDraw.ts): the
 * graph's nodes a frame after the old one is removed, its edges a frame later,
 * then the side panels,
 * each part keeping its place; the same machine again (a policy switch) is
 * drawn in one commit.
 */

/** Runs the animation frame and the task it posts: one painted frame. */
async function paintFrame(): Promise<void> {
  await act(async () => {
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
  });
}

/** Everything one commit would have shown: the graph with its edges and the side panels. */
const DRAWN_PAGE = { graph: true, edges: true, pending: false, eventLog: true };

function shown(container: HTMLElement) {
  return {
    graph: container.querySelector('[data-testid="topology-graph"]') !== null,
    edges: container.querySelectorAll('.react-flow__edge').length > 0,
    pending: container.querySelector('[data-testid="graph-pending"]') !== null,
    eventLog: container.querySelector('[data-testid="event-log"]') !== null,
    narration: container.querySelector('[data-testid="narration"]') !== null,
    side: container.querySelector('aside.side') !== null,
  };
}

/** The app on `preset`, with the graph's chunk loaded, as the page shows it. */
async function renderApp(preset: string) {
  const store = await loadedStore(preset);
  const view = render(<App store={store} />);
  await act(async () => {
    await import('../../src/views/graph');
  });
  return { store, view };
}

describe('first draw of another machine', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("draws the graph's nodes, its edges, then the side panels, one painted frame apart", async () => {
    const { store, view } = await renderApp('fig3-broadcast');
    // The page's first render is not staged: what the store holds is drawn at once.
    expect(shown(view.container)).toMatchObject(DRAWN_PAGE);

    await act(async () => {
      await store.getState().loadPreset('scale-32-vms');
    });
    // Stage 0: the old graph and panels are gone, their places kept; status and narration shown.
    expect(shown(view.container)).toEqual({
      graph: false,
      edges: false,
      pending: true,
      eventLog: false,
      narration: true,
      side: true,
    });
    expect(view.getByTestId('cursor-status').textContent).toMatch(/^0 \/ \d+$/);

    await paintFrame();
    // Stage 1: the new machine's graph, its nodes alone.
    expect(shown(view.container)).toMatchObject({
      graph: true,
      edges: false,
      pending: false,
      eventLog: false,
    });

    await paintFrame();
    // Stage 2: its edges.
    expect(shown(view.container)).toMatchObject({ graph: true, edges: true, eventLog: false });

    await paintFrame();
    // Drawn: everything one commit would have shown.
    expect(shown(view.container)).toMatchObject(DRAWN_PAGE);
    view.unmount();
  });

  it('draws a policy switch on the same machine in one commit', async () => {
    const { store, view } = await renderApp('fig3-broadcast');
    await act(async () => {
      await store.getState().setPolicy('selective');
    });
    expect(store.getState().scenario?.policy).toBe('selective');
    expect(shown(view.container)).toMatchObject(DRAWN_PAGE);
    view.unmount();
  });
});
