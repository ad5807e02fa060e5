import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Scenario } from '../../../src/engine/scenario';
import type { Frame } from '../../../src/protocol/api';
import { TopologyGraph, type TopologyGraphProps } from '../../../src/views/graph/TopologyGraph';

/** Renders the graph in a sized box; returns the action spy and a way to show another frame. */
export function renderGraph(
  scenario: Scenario,
  frame: Frame | null = null,
  extra: Partial<TopologyGraphProps> = {},
) {
  const onDeviceAction = vi.fn<TopologyGraphProps['onDeviceAction']>();
  const ui = (f: Frame | null) => (
    <div style={{ width: 1280, height: 720 }}>
      <TopologyGraph scenario={scenario} frame={f} onDeviceAction={onDeviceAction} {...extra} />
    </div>
  );
  const result = render(ui(frame));
  return {
    ...result,
    onDeviceAction,
    showFrame: (f: Frame | null) => result.rerender(ui(f)),
  };
}
