// @vitest-environment jsdom
import { vi } from 'vitest';

// Before react-dom is imported: it looks for the hook once, when it loads.
const counter = await vi.hoisted(async () => {
  const { installRenderCounter } = await import('./render-counter');
  return installRenderCounter();
});

import '../views/graph/setup-dom';
import { act, render } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { loadedStore } from '../store/make-store';

/** Renders of each component over `steps` single steps forward, from a cursor a few events in. */
async function rendersPerStep(preset: string, steps: number) {
  const store = await loadedStore(preset);
  // Every panel shown: the heaviest screen.
  const panels = store.getState().panels;
  for (const id of Object.keys(panels) as (keyof typeof panels)[]) {
    if (!panels[id]) store.getState().togglePanel(id);
  }
  let commits = 0;
  const view = render(
    <div style={{ width: 1440, height: 900 }}>
      <Profiler id="app" onRender={() => (commits += 1)}>
        <App store={store} />
      </Profiler>
    </div>,
  );
  // The graph is its own chunk (src/app/lazy-graph.ts): measured once it is on screen.
  await act(async () => {
    await import('../../src/views/graph');
  });
  expect(view.container.querySelector('.react-flow')).not.toBeNull();
  await act(async () => {
    await store.getState().seek(5);
  });
  await act(async () => {});
  counter.reset();
  commits = 0;
  for (let i = 0; i < steps; i++) {
    await act(async () => {
      await store.getState().stepForward();
    });
  }
  await act(async () => {});
  const counts = counter.counts();
  const durations = counter.durations();
  view.unmount();
  const summaryEntities = store.getState().frame?.summary?.entities ?? {};
  return {
    counts,
    durations,
    summaryEntities,
    total: counter.total() / steps,
    commits: commits / steps,
  };
}

function report(name: string, r: Awaited<ReturnType<typeof rendersPerStep>>): void {
  // Renders, and the milliseconds they took in jsdom (a development build: only the
  // proportions mean something), heaviest first.
  const rows = [...r.durations]
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${r.counts.get(k)} renders, ${ms.toFixed(1)} ms`);
  console.log(
    `${name}: ${r.total} renders and ${r.commits} commits per step\n  ${rows.join('\n  ')}`,
  );
}

/** Components whose props and state do not change with the cursor: a step must not render them. */
const STILL = [
  // The graph follows the store's frame itself (frameSource): its pane renders for no step.
  'GraphPane',
  'TopologyGraph',
  'ReactFlow',
  'GraphCanvas',
  'ReactFlowProvider',
  'Toolbar',
  'Scopes',
  'ScopeToggle',
  'DeviceTable',
  'ScrubberTicks',
  'LaneGraphic',
];

describe('renders per step (React Profiler and the commit hook)', () => {
  // One commit a step: the graph's own frame store is set from the page's store as the
  // frame is (TopologyGraph's frameSource), so its nodes render in the page's commit. The
  // camera's pan, on a step whose lit edges leave the view (in jsdom no pane is laid out,
  // so it pans on some steps), is React Flow's own commit. Measured 3.1 commits a step
  // before the pan became immediate, 2.0 and 2.1 after, while the graph's store was set
  // in a layout effect (a second commit every step); 1.0 and 1.0 to 1.1 since.
  for (const preset of ['fig3-broadcast', 'scale-32-vms']) {
    it(`${preset}: what did not change does not render`, async () => {
      const r = await rendersPerStep(preset, 10);
      report(preset, r);
      expect(r.commits).toBeGreaterThanOrEqual(1);
      expect(r.commits).toBeLessThanOrEqual(1.2);
      for (const name of STILL) expect(r.counts.get(name) ?? 0, name).toBe(0);
      // Each panel that shows the cursor renders once; only the two rows of the event
      // log that gain and lose the highlight render there.
      for (const name of ['Narration', 'StatusLine', 'Scrubber', 'EventLog', 'MetricsPanel'])
        expect(r.counts.get(name), name).toBe(10);
      expect(r.counts.get('EventRow')).toBe(20);
      // The log passes its chunks of rows again (EventChunk): only the one or two that the
      // highlight leaves and enters render, not the window's 200 rows' props.
      expect(r.counts.get('EventChunk') ?? 0, 'EventChunk').toBeLessThanOrEqual(20);
      // Figure 6's contrast row does not depend on the lit box: at most the run's own row renders.
      expect(r.counts.get('Row') ?? 0, 'Row').toBeLessThanOrEqual(10);
      // An entity's table row renders only when its own numbers changed, never the whole table.
      const entities = Object.keys(r.summaryEntities).length;
      expect(r.counts.get('EntityRow') ?? 0, 'EntityRow').toBeLessThan(10 * entities);
      // Measured 32 before the graph and metrics changes, 19 after; 25 with the screen
      // summary and the "Break on" control and the camera's pans; 22.5 and 21.4 since
      // "Break on" renders only when the kind of event changes and a pan is no commit
      // of its own (React Flow's Background no longer renders for every animation frame);
      // about 2 more with the narration's glossary terms (each new sentence mounts a Term
      // per term it names); 25.0 and 23.8 with the event log's chunks counted (10 renders,
      // in place of comparing 200 rows' props on every step) and the metrics' rows.
      expect(r.total).toBeLessThanOrEqual(25);
    });
  }
});
