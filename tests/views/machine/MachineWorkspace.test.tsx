// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreProvider } from '../../../src/store';
import { MachineWorkspace } from '../../../src/views/machine';
import { fixture } from '../../machine/fixtures';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

const paste = async (testId: string, text: string) =>
  inAct(() => fireEvent.change(screen.getByTestId(testId), { target: { value: text } }));
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

async function pasteLaptop() {
  await paste('dump-lspci', fixture('laptop-lspci-vvv.txt'));
  await paste('dump-proc-interrupts', fixture('laptop-proc-interrupts-4cpu.txt'));
}

describe('MachineWorkspace', () => {
  it('an arm64 GIC line shared by two USB functions, its count said in the singular when 1', async () => {
    await renderWithStore(<MachineWorkspace />);
    const entry = (address: string, pin: string, driver: string) =>
      `${address} USB controller: NEC Corporation USB\n\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-\n\tInterrupt: pin ${pin} routed to IRQ 43\n\tKernel driver in use: ${driver}\n\n`;
    await paste(
      'dump-lspci',
      entry('02:00.0', 'C', 'ehci-pci') + entry('02:00.1', 'A', 'ohci-pci'),
    );
    await paste(
      'dump-proc-interrupts',
      '           CPU0       CPU1\n 43:       1          0     GICv3 168 Level     ehci_hcd:usb1, ohci_hcd:usb2\n',
    );
    expect(screen.getByTestId('shared-IRQ43').querySelector('caption')!.textContent).toBe(
      'IRQ 43 · GICv3 · level-triggered · 2 devices · 1 interrupt so far',
    );
  });

  it('starts empty with nothing to run', async () => {
    await renderWithStore(<MachineWorkspace />);
    expect(screen.getByLabelText(/Paste the output of sudo lspci -vvv/)).toBeTruthy();
    expect(screen.getByLabelText(/Paste the output of cat \/proc\/interrupts/)).toBeTruthy();
    expect(button('Open in visualizer').disabled).toBe(true);
    expect(button('Compare policies').disabled).toBe(true);
    expect(screen.queryByTestId('machine-summary')).toBeNull();
  });

  it('shows the shared lines with driver, address, pin and PCI 2.3, and MSI devices apart', async () => {
    await renderWithStore(<MachineWorkspace />);
    await pasteLaptop();
    expect(screen.getByTestId('machine-summary').textContent).toMatch(
      /4 CPUs: .* 2 shared lines \(4 devices\), 0 lines not understood/,
    );
    const irq16 = within(screen.getByTestId('shared-IRQ16'));
    expect(irq16.getByText('ehci-pci@00:1d.0')).toBeTruthy();
    expect(irq16.getByText('00:1f.4')).toBeTruthy();
    expect(irq16.getAllByText('yes (DisINTx)')).toHaveLength(2);
    expect(
      (screen.getByLabelText('Owner VM of i801_smbus@00:1f.4') as HTMLInputElement).value,
    ).toBe('vm2');
    expect(screen.getByTestId('not-sharing-msi').textContent).toMatch(/nvme@01:00\.0\s*MSI-X/);
  });

  it('Open in visualizer loads the built scenario with the edited owner and policy', async () => {
    const { store } = await renderWithStore(<MachineWorkspace />);
    await pasteLaptop();
    await inAct(() =>
      fireEvent.change(screen.getByLabelText('Owner VM of rtsx_pci@03:00.0'), {
        target: { value: 'vm3' },
      }),
    );
    await inAct(() => fireEvent.click(screen.getByLabelText('Selective (Figure 4)')));
    await inAct(() => fireEvent.click(button('Open in visualizer')));
    const s = store.getState();
    expect(s.workspace).toBe('visualize');
    expect(s.presetName).toBeNull();
    expect(s.scenario!.policy).toBe('selective');
    expect(s.scenario!.lines.map((l) => l.id)).toEqual(['IRQ16', 'IRQ17']);
    expect(s.scenario!.entities.map((e) => e.id)).toEqual(['vm1', 'vm2', 'vm3']);
    expect(s.run!.eventCount).toBeGreaterThan(0);
  });

  it('the example laptop fills both boxes with the dumps the tests read', async () => {
    await renderWithStore(<MachineWorkspace />);
    await inAct(() => fireEvent.click(button('Load an example laptop')));
    expect((screen.getByTestId('dump-lspci') as HTMLTextAreaElement).value).toBe(
      fixture('laptop-lspci-vvv.txt'),
    );
    expect((screen.getByTestId('dump-proc-interrupts') as HTMLTextAreaElement).value).toBe(
      fixture('laptop-proc-interrupts-4cpu.txt'),
    );
    expect(button('Open in visualizer').disabled).toBe(false);
  });

  it('Compare and Edit load the scenario and switch to their workspace', async () => {
    const { store } = await renderWithStore(<MachineWorkspace />);
    await pasteLaptop();
    await inAct(() => fireEvent.click(button('Compare policies')));
    expect(store.getState().workspace).toBe('compare');
    expect(store.getState().scenario!.name).toMatch(/IRQ 16, 17 shared/);
    await inAct(() => fireEvent.click(button('Edit')));
    expect(store.getState().workspace).toBe('editor');
  });

  it('an empty owner is refused with the device named, and nothing can run', async () => {
    await renderWithStore(<MachineWorkspace />);
    await pasteLaptop();
    await inAct(() =>
      fireEvent.change(screen.getByLabelText('Owner VM of ehci-pci@00:1d.0'), {
        target: { value: '' },
      }),
    );
    expect(screen.getByTestId('machine-problem').textContent).toBe(
      'ehci-pci@00:1d.0: a VM name must not be empty',
    );
    expect(button('Open in visualizer').disabled).toBe(true);
  });

  it('lines not understood are listed with their line numbers; nothing shared says why', async () => {
    await renderWithStore(<MachineWorkspace />);
    await paste(
      'dump-proc-interrupts',
      '      CPU0       CPU1\n 16:  1  2  IO-APIC 16-fasteoi ehci_hcd:usb1\n 17:  1\n',
    );
    expect(screen.getByTestId('not-understood').textContent).toMatch(
      /\/proc\/interrupts line 3: cut short: 1 of 2 CPU counts/,
    );
    expect(screen.getByTestId('machine-problem').textContent).toMatch(
      /No interrupt line is shared by two devices/,
    );
    expect(button('Open in visualizer').disabled).toBe(true);
  });

  it('keeps what was pasted when the workspace is shown again', async () => {
    const { store, view } = await renderWithStore(<MachineWorkspace />);
    await pasteLaptop();
    view.unmount();
    expect(screen.queryByTestId('dump-lspci')).toBeNull();
    render(
      <StoreProvider store={store}>
        <MachineWorkspace />
      </StoreProvider>,
    );
    expect((screen.getByTestId('dump-lspci') as HTMLTextAreaElement).value).toMatch(/^00:00\.0/);
    expect(screen.getByTestId('shared-IRQ17')).toBeTruthy();
  });
});
