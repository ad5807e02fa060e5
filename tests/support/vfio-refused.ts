/**
 * Two devices share INTA under selective; old0 has no PCI 2.3 Interrupt Disable bit, so under
 * `host: "vfio"` its INTx is refused at set-up (`vfio_intx_enable()`: -EBUSY, "Device or resource
 * busy"). Without `host` (the patent's ideal) both devices are serviced.
 */
export function sharedLineWithOldDevice(host?: 'vfio'): Record<string, unknown> {
  return {
    format: 'intx-lab/scenario',
    version: 1,
    name: 'shared line, one device without PCI 2.3 masking',
    policy: 'selective',
    ...(host === undefined ? {} : { host }),
    devices: [
      { id: 'nic0', line: 'INTA', owners: ['vm1'] },
      { id: 'old0', line: 'INTA', owners: ['vm2'], pci23: false },
    ],
    entities: [
      { id: 'vm1', isrs: [{ id: 'vm1-nic0', device: 'nic0' }] },
      { id: 'vm2', isrs: [{ id: 'vm2-old0', device: 'old0' }] },
    ],
    stimuli: [
      { at: 10, device: 'nic0', action: 'raise' },
      { at: 20, device: 'old0', action: 'raise' },
    ],
  };
}
