// @vitest-environment jsdom
import './setup-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { firstFrame, framesOf, normalize, preset, twoLineScenario } from './fixtures';
import { renderGraph } from './render';

describe('DeviceNode', () => {
  it('shows Command bit 10 and Status bit 3 as 0/1 text', () => {
    const scenario = preset('fig4-selective');
    const frames = framesOf(scenario);
    const { showFrame } = renderGraph(scenario, frames[0]!);
    const bits = () => within(screen.getByTestId('device-nic0'));
    expect(bits().getByTitle(/Command register.*bit 10/).textContent).toMatch(/Int\. Disable\s*0$/);
    expect(bits().getByTitle(/Status register.*bit 3/).textContent).toMatch(/Int\. Status\s*0$/);

    const masked = firstFrame(
      frames,
      (f) =>
        f.event?.type === 'device.intx-disable' && f.event.device === 'nic0' && f.event.value === 1,
    );
    showFrame(masked);
    expect(bits().getByTitle(/Command register.*bit 10/).textContent).toMatch(
      /Int\. Disable\s*1 by host$/,
    );
    expect(bits().getByTitle(/Status register.*bit 3/).textContent).toMatch(/Int\. Status\s*1$/);
    expect(bits().getByText('PCI 2.3')).toBeTruthy();
  });

  it('calls onDeviceAction with raise, then withdraw once the cause is set', () => {
    const scenario = preset('fig3-broadcast');
    const frames = framesOf(scenario);
    const { onDeviceAction, showFrame } = renderGraph(scenario, frames[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Raise nic0' }));
    expect(onDeviceAction).toHaveBeenCalledWith('nic0', 'raise');

    showFrame(
      firstFrame(frames, (f) => f.event?.type === 'device.raise' && f.event.device === 'nic0'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw nic0' }));
    expect(onDeviceAction).toHaveBeenLastCalledWith('nic0', 'withdraw');
  });

  it('marks a legacy device and shows its missing bits as —', () => {
    renderGraph(preset('legacy-device'));
    const usb = within(screen.getByTestId('device-usb0'));
    expect(usb.getByText('legacy')).toBeTruthy();
    expect(usb.getByRole('note').textContent).toContain('pre-2.3');
    expect(usb.getByTitle(/reserved before PCI 2.3/).textContent).toMatch(/—$/);
  });
});

describe('a device the host refused', () => {
  // twoLineScenario under Linux VFIO, nic0 moved to INTB: disk0 has unreliable Status, so
  // vfio_pci_nointx hides its INTx; a pre-2.3 copy of nic1, sharing INTB with nic0, gets
  // -EBUSY from vfio_intx_enable() (no pci_check_and_mask_intx on a shared line).
  const base = twoLineScenario();
  const scenario = normalize({
    ...base,
    host: 'vfio',
    devices: base.devices.map((d) =>
      d.id === 'nic1' ? { ...d, pci23: false } : d.id === 'nic0' ? { ...d, line: 'INTB' } : d,
    ),
  });
  const frames = framesOf(scenario);
  // Both refusals are set-up events at t=0; the badge appears once they are replayed.
  const refused = frames.filter((f) => f.event?.type === 'host.refuse').at(-1)!;

  it('shows no badge before the refusal is replayed, then "refused: busy" with its definition', () => {
    const { showFrame } = renderGraph(scenario, frames[0]!);
    expect(screen.queryByText('refused: busy')).toBeNull();
    showFrame(refused);
    const nic1 = screen.getByTestId('device-nic1');
    const badge = within(nic1).getByText('refused: busy');
    expect(badge.getAttribute('role')).toBe('term');
    expect(badge.tabIndex).toBe(0);
    expect(nic1.className).toContain('intx-device--refused');
    const described = document.getElementById(badge.getAttribute('aria-describedby')!);
    expect(described?.textContent).toMatch(/vfio_intx_enable\(\) fails with -EBUSY/);
    fireEvent.focus(badge);
    expect(screen.getByTestId('term-tip').textContent).toContain('Device or resource busy');
    expect(within(screen.getByTestId('device-disk0')).getByText('INTx hidden')).toBeTruthy();
    expect(within(screen.getByTestId('device-nic0')).queryByText(/refused|hidden/)).toBeNull();
  });

  it('the same device under the patent profile is not refused', () => {
    const patent = normalize({ ...scenario, host: 'patent' });
    const patentFrames = framesOf(patent);
    expect(patentFrames.some((f) => f.event?.type === 'host.refuse')).toBe(false);
    renderGraph(patent, patentFrames.at(-1)!);
    expect(screen.queryByText('refused: busy')).toBeNull();
  });
});

describe('Figure 5 gate view', () => {
  const scenario = preset('fig5-gates');
  const frames = framesOf(scenario);
  // The fig5 preset sets the enable again while Interrupt Disable is still 1.
  const gated = firstFrame(frames, (f) => {
    const d = f.view.devices.nic0!;
    return d.cause === 1 && d.enable === 1 && d.disable === 1 && d.status === 1;
  });

  it('opens from its button and shows every wire value as text', () => {
    renderGraph(scenario, gated);
    expect(screen.queryByTestId('gates-nic0')).toBeNull();
    const open = screen.getByRole('button', { name: 'Expand gates of nic0' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);

    expect(screen.getByTestId('gates-nic0')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Collapse gates of nic0' }).getAttribute('aria-expanded'),
    ).toBe('true');
    expect(screen.getByTestId('wire-nic0-cause').textContent).toBe('500 cause = 1');
    expect(screen.getByTestId('wire-nic0-enable').textContent).toBe('510 enable = 1');
    expect(screen.getByTestId('wire-nic0-disable').textContent).toBe('INTx Disable (bit 10) = 1');
    expect(screen.getByTestId('wire-nic0-status').textContent).toBe('INTx Status = 1');
    expect(screen.getByTestId('wire-nic0-pin').textContent).toBe('INTx pin = 0');
  });

  it('toggles the enable and Interrupt Disable from the gate inputs', () => {
    const { onDeviceAction } = renderGraph(scenario, gated, { expandedDevices: new Set(['nic0']) });
    fireEvent.click(screen.getByRole('button', { name: /toggle 510 enable of nic0$/ }));
    expect(onDeviceAction).toHaveBeenLastCalledWith('nic0', 'toggle-enable');
    const disable = screen.getByRole('button', { name: /toggle INTx Disable of nic0$/ });
    expect(disable.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(disable, { key: 'Enter' });
    expect(onDeviceAction).toHaveBeenLastCalledWith('nic0', 'toggle-intx-disable');
  });

  it('refuses Interrupt Disable on a legacy device, saying why', () => {
    const { onDeviceAction } = renderGraph(preset('legacy-device'), null, {
      expandedDevices: new Set(['usb0']),
    });
    const disable = screen.getByRole('button', { name: /toggle INTx Disable of usb0$/ });
    expect(disable.getAttribute('aria-disabled')).toBe('true');
    expect(disable.querySelector('title')?.textContent).toContain('before PCI 2.3');
    fireEvent.click(disable);
    expect(onDeviceAction).not.toHaveBeenCalled();
  });

  it('reports expansion to a controlling parent instead of keeping it', () => {
    const onExpandedDevicesChange = vi.fn();
    renderGraph(scenario, null, { expandedDevices: new Set(['nic0']), onExpandedDevicesChange });
    fireEvent.click(screen.getByRole('button', { name: 'Collapse gates of nic0' }));
    expect(onExpandedDevicesChange).toHaveBeenCalledWith(new Set());
    // Controlled: it stays open until the parent says otherwise.
    expect(screen.getByTestId('gates-nic0')).toBeTruthy();
  });
});
