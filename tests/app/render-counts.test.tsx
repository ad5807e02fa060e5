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
  view.unmount();
  return { counts, total: counter.total() / steps, commits: commits / steps };
}

function report(name: string, r: Awaited<ReturnType<typeof rendersPerStep>>): void {
  const rows = [...r.counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
  console.log(
    `${name}: ${r.total} renders and ${r.commits} commits per step\n  ${rows.join('\n  ')}`,
  );
}

describe('renders per step (React Profiler and the commit hook)', () => {
  it('fig3-broadcast: one commit per step, and only what changed renders', async () => {
    const r = await rendersPerStep('fig3-broadcast', 10);
    report('fig3-broadcast', r);
    expect(r.commits).toBeGreaterThan(0);
  });

  it('scale-32-vms: one commit per step, and only what changed renders', async () => {
    const r = await rendersPerStep('scale-32-vms', 10);
    report('scale-32-vms', r);
    expect(r.commits).toBeGreaterThan(0);
  });
});
