// @vitest-environment jsdom
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { firstFrame, framesOf, preset } from './fixtures';
import { renderGraph } from './render';

describe('HostNode', () => {
  it('shows the status read sweep device by device, highlighting the read of this step', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const readOne = firstFrame(
      frames,
      (f) => f.event?.type === 'host.config-read' && f.event.status === 1,
    );
    const device = (readOne.event as { device: string }).device;
    const { showFrame } = renderGraph(scenario, readOne);

    const host = within(screen.getByTestId('host'));
    expect(host.getByText('reads Interrupt Status')).toBeTruthy();
    expect(screen.getByTestId('host-phase').textContent).toBe('phase: 620 identify');
    expect(screen.getByTestId('host-in-flight').textContent).toBe('in flight: 0');
    const row = screen.getByTestId(`host-read-${device}`);
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(within(row).getByText('1')).toBeTruthy();
    // Devices not read yet in this sweep say so.
    const unread = scenario.devices
      .map((d) => d.id)
      .filter((id) => readOne.view.host.reads[id] === undefined);
    for (const id of unread)
      expect(screen.getByTestId(`host-read-${id}`).textContent).toContain('—');

    showFrame(frames[readOne.cursor + 1]!);
    expect(screen.getByTestId(`host-read-${device}`).getAttribute('aria-current')).toBeNull();
    expect(within(screen.getByTestId(`host-read-${device}`)).getByText('1')).toBeTruthy();
  });

  it('says it waits for EOIs, not that it is idle, while forwarded interrupts run', () => {
    // Broadcast: after forwarding to all three VMs the host's handler is done
    // (phase idle in the view) but three EOIs are still to come.
    const scenario = preset('fig3-broadcast');
    const frames = framesOf(scenario);
    const running = firstFrame(
      frames,
      (f) => f.view.host.phase === 'idle' && f.view.host.inFlight > 0,
    );
    renderGraph(scenario, running);
    expect(Object.values(running.view.entities).some((e) => e.running)).toBe(true);
    expect(screen.getByTestId('host-phase').textContent).toBe('phase: waiting for EOIs');
    // On a row of its own: after the longest phase it was cut off at the node's edge.
    expect(screen.getByTestId('host-in-flight').textContent).toBe(
      `in flight: ${running.view.host.inFlight}`,
    );
    renderGraph(scenario, frames[0]!);
    expect(screen.getAllByTestId('host-phase')[1]!.textContent).toBe('phase: idle');
    expect(screen.getAllByTestId('host-in-flight')[1]!.textContent).toBe('in flight: 0');
  });

  it('says when a device has no Status bit to read', () => {
    const scenario = preset('legacy-device');
    const frames = framesOf(scenario);
    renderGraph(
      scenario,
      firstFrame(frames, (f) => f.event?.type === 'host.config-read' && f.event.device === 'usb0'),
    );
    expect(screen.getByTestId('host-read-usb0').textContent).toContain('no bit 3');
  });

  it('shows the broadcast policy without a read table', () => {
    renderGraph(preset('fig3-broadcast'));
    const host = screen.getByTestId('host');
    expect(host.textContent).toContain('forwards to every VM');
    expect(within(host).queryByRole('list')).toBeNull();
  });
});
