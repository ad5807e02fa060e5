// @vitest-environment jsdom
import './setup-dom';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/protocol/api';
import { useFrameDevice, useFrameIsr } from '../../../src/views/graph/frame-hooks';
import {
  GraphFrameContext,
  createGraphFrameStore,
  graphFrame,
} from '../../../src/views/graph/frame-store';
import { preset } from './fixtures';

const scenario = preset('fig3-broadcast');

/** A frame whose view differs from `base` only where `change` says. */
function edited(base: Frame, change: (view: Frame['view']) => void): Frame {
  const view = structuredClone(base.view);
  change(view);
  return { cursor: base.cursor + 1, view, event: null };
}

describe('frame selectors', () => {
  it('re-render a node only when the slice it reads changes', () => {
    const first = { cursor: 0, view: graphFrame(scenario, null).view, event: null };
    const store = createGraphFrameStore(graphFrame(scenario, first));
    const renders = { device: 0, isr: 0 };
    function Device() {
      renders.device += 1;
      return <span>{useFrameDevice('nic0').cause}</span>;
    }
    function Isr() {
      renders.isr += 1;
      return <span>{useFrameIsr('vm2', 'vm2-disk0').mark ?? '-'}</span>;
    }
    const { container } = render(
      <GraphFrameContext.Provider value={store}>
        <Device />
        <Isr />
      </GraphFrameContext.Provider>,
    );
    expect(renders).toEqual({ device: 1, isr: 1 });

    // A new frame object in which only another device changed: nothing re-renders.
    const other = edited(first, (v) => (v.devices.disk0!.cause = 1));
    act(() => store.setState(graphFrame(scenario, other), true));
    expect(renders).toEqual({ device: 1, isr: 1 });

    const mine = edited(other, (v) => (v.devices.nic0!.cause = 1));
    act(() => store.setState(graphFrame(scenario, mine), true));
    expect(renders).toEqual({ device: 2, isr: 1 });

    const marked = edited(mine, (v) => (v.entities.vm2!.marks['vm2-disk0'] = 'not-mine'));
    act(() => store.setState(graphFrame(scenario, marked), true));
    expect(renders).toEqual({ device: 2, isr: 2 });
    expect(container.textContent).toBe('1not-mine');
  });
});
