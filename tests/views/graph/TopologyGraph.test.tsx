// @vitest-environment jsdom
import './setup-dom';
import { act, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { createStore } from 'zustand/vanilla';
import type { Frame } from '../../../src/protocol/api';
import { describe, expect, it } from 'vitest';
import { pinEdgeId, readEdgeId } from '../../../src/views/graph/ids';
import { TopologyGraph } from '../../../src/views/graph/TopologyGraph';
import { firstFrame, framesOf, preset } from './fixtures';
import { renderGraph } from './render';

describe('TopologyGraph', () => {
  it('renders every column of a broadcast scenario, with the attribution kept', () => {
    const { container } = renderGraph(preset('fig3-broadcast'));
    for (const id of [
      'device-nic0',
      'device-disk0',
      'device-usb0',
      'line-INTA',
      'controller',
      'host',
    ]) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
    for (const vm of ['vm1', 'vm2', 'vm3']) expect(screen.getByTestId(`entity-${vm}`)).toBeTruthy();
    expect(container.querySelector('.react-flow__attribution')).not.toBeNull();
    expect(screen.getByTestId('host').textContent).toContain('forwards to every VM');
  });

  it('draws the nodes alone until its edges are asked for, the nodes kept', () => {
    const scenario = preset('fig3-broadcast');
    const { container, rerender } = renderGraph(scenario, null, { edgesDrawn: false });
    const device = screen.getByTestId('device-nic0');
    expect(container.querySelectorAll('.react-flow__node').length).toBeGreaterThan(6);
    expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(0);
    rerender(
      <div style={{ width: 1280, height: 720 }}>
        <TopologyGraph scenario={scenario} frame={null} onDeviceAction={() => {}} />
      </div>,
    );
    expect(container.querySelectorAll('.react-flow__edge').length).toBeGreaterThan(6);
    expect(screen.getByTestId(`edge-tag-${pinEdgeId('nic0')}`)).toBeTruthy();
    expect(screen.getByTestId('device-nic0')).toBe(device);
  });

  it('follows a frame source in the commit that changes it, and ignores its other changes', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const source = createStore<{ frame: Frame | null; other: number }>(() => ({
      frame: frames[0]!,
      other: 0,
    }));
    const frameSource = { get: () => source.getState().frame, subscribe: source.subscribe };
    let commits = 0;
    render(
      <Profiler id="graph" onRender={() => (commits += 1)}>
        <div style={{ width: 1280, height: 720 }}>
          <TopologyGraph
            scenario={scenario}
            frame={null}
            frameSource={frameSource}
            onDeviceAction={() => {}}
          />
        </div>
      </Profiler>,
    );
    expect(screen.getByTestId('line-level-INTA').textContent).toBe('0 idle');
    const high = firstFrame(frames, (f) => f.event?.type === 'line.level' && f.event.value === 1);
    commits = 0;
    act(() => source.setState({ frame: high }));
    expect(screen.getByTestId('line-level-INTA').textContent).toBe('1 asserted');
    expect(commits).toBe(1);
    commits = 0;
    act(() => source.setState({ other: 1 }));
    expect(commits).toBe(0);
  });

  it('shows one OS and no host in native mode', () => {
    renderGraph(preset('fig2-native'));
    expect(screen.queryByTestId('host')).toBeNull();
    expect(screen.getByTestId('entity-os').textContent).toContain('OS');
  });

  it('updates values in place when the frame changes, without remounting nodes', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const { showFrame } = renderGraph(scenario, frames[0]!);
    const device = screen.getByTestId('device-nic0');
    expect(screen.getByTestId('line-level-INTA').textContent).toBe('0 idle');

    const high = firstFrame(frames, (f) => f.event?.type === 'line.level' && f.event.value === 1);
    showFrame(high);
    expect(screen.getByTestId('line-level-INTA').textContent).toBe('1 asserted');
    expect(screen.getByTestId('device-nic0')).toBe(device);
  });

  it('labels pin edges 0/1 always and lights only the edge of the current event', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const { showFrame, container } = renderGraph(scenario, frames[0]!);
    const tag = () => screen.getByTestId(`edge-tag-${pinEdgeId('nic0')}`);
    expect(tag().textContent).toBe('0');
    expect(container.querySelectorAll('.intx-edge--lit')).toHaveLength(0);

    const pinUp = firstFrame(
      frames,
      (f) => f.event?.type === 'device.pin' && f.event.device === 'nic0' && f.event.value === 1,
    );
    showFrame(pinUp);
    expect(tag().textContent).toBe('1');
    expect(tag().className).toContain('intx-edge-tag--lit');
    const lit = container.querySelectorAll('.intx-edge--lit');
    expect(lit).toHaveLength(1);
    expect(lit[0]!.id).toBe(pinEdgeId('nic0'));

    // The next event moves the light on; the pin keeps saying 1.
    showFrame(frames[pinUp.cursor + 1]!);
    expect(tag().textContent).toBe('1');
    expect(tag().className).not.toContain('intx-edge-tag--lit');
  });

  it('lights the host read edge of the device being read, naming it and the value', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const read = firstFrame(
      frames,
      (f) =>
        f.event?.type === 'host.config-read' && f.event.device === 'nic0' && f.event.status === 1,
    );
    const { container } = renderGraph(scenario, read);
    expect(screen.getByTestId(`edge-tag-${readEdgeId('nic0')}`).textContent).toBe('nic0: bit3=1');
    expect(container.querySelector('.intx-edge--lit')?.id).toBe(readEdgeId('nic0'));
    expect(screen.queryByTestId(`edge-tag-${readEdgeId('disk0')}`)).toBeNull();
  });

  it('shows the controller bits of each line', () => {
    const scenario = preset('fig3-broadcast');
    const frames = framesOf(scenario);
    const irr = firstFrame(
      frames,
      (f) => f.event?.type === 'ioapic.remote-irr' && f.event.value === 1,
    );
    renderGraph(scenario, irr);
    const row = within(screen.getByTestId('controller-INTA'));
    expect(row.getByTitle(/Remote IRR/).textContent).toBe('1');
    expect(row.getByText('level')).toBeTruthy();
  });
});
