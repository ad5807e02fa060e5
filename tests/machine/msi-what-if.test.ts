import { describe, expect, it } from 'vitest';
import { analyzeMachine, msiCapabilities, msiWhatIf } from '../../src/machine';
import { fixture } from './fixtures';

describe('if every MSI-capable device used MSI', () => {
  const lspci = fixture('laptop-lspci-vvv.txt');
  const inventory = analyzeMachine({
    lspci,
    procInterrupts: fixture('laptop-proc-interrupts-4cpu.txt'),
  });

  it('reads the MSI and MSI-X capabilities, enabled or not, per device entry', () => {
    const caps = msiCapabilities(lspci);
    // HD Audio prints "MSI: Enable- Count=1/1": capable, left off by its driver.
    expect(caps.get('00:1f.3')).toBe('msi');
    // NVMe prints both MSI (Enable-) and MSI-X (Enable+): MSI-X wins.
    expect(caps.get('01:00.0')).toBe('msix');
    // The EHCI controller and the SMBus have no MSI capability.
    expect(caps.has('00:1d.0')).toBe(false);
    expect(caps.has('00:1f.4')).toBe(false);
  });

  it('IRQ 17 stops being shared; IRQ 16 has no MSI-capable device and stays shared', () => {
    expect(msiWhatIf(inventory, msiCapabilities(lspci))).toEqual([
      {
        irq: 16,
        id: 'IRQ16',
        toMsi: [],
        stayIntx: ['ehci-pci@00:1d.0', 'i801_smbus@00:1f.4'],
        stillShared: true,
      },
      {
        irq: 17,
        id: 'IRQ17',
        toMsi: [
          { id: 'snd_hda_intel@00:1f.3', capability: 'msi' },
          { id: 'rtsx_pci@03:00.0', capability: 'msi' },
        ],
        stayIntx: [],
        stillShared: false,
      },
    ]);
  });

  it('a domain other than 0000 is kept in the address, as the inventory spells it', () => {
    const caps = msiCapabilities(
      '0001:00:02.0 VGA: x\n\tCapabilities: [50] MSI: Enable- Count=1/1\n',
    );
    expect([...caps]).toEqual([['0001:00:02.0', 'msi']]);
  });
});
