import { describe, expect, it } from 'vitest';
import type { DeviceSpec } from '../../../src/engine/scenario';
import { deviceAddresses } from '../../../src/views/graph/address';

const device = (id: string, bridgeSlot: number | null = null): DeviceSpec =>
  ({ id, bridgeSlot }) as DeviceSpec;

describe('device addresses on the graph', () => {
  it('a device built from a real lspci keeps its own address', () => {
    // "Your machine" names devices driver@address; 00:1d.0 must not read 00:01.0.
    expect(
      deviceAddresses([device('ehci-pci@00:1d.0'), device('i801_smbus@0000:00:1f.4')]),
    ).toEqual(['00:1d.0', '00:1f.4']);
  });

  it('made-up addresses skip the ones real devices hold', () => {
    expect(deviceAddresses([device('x@00:01.0'), device('nic0'), device('nic1')])).toEqual([
      '00:01.0',
      '00:02.0',
      '00:03.0',
    ]);
  });

  it('scenarios without real addresses are numbered as before', () => {
    expect(deviceAddresses([device('nic0'), device('disk0'), device('b', 1)])).toEqual([
      '00:01.0',
      '00:02.0',
      '01:01.0',
    ]);
  });
});
