/**
 * Per built-in preset, two sentences a teacher would say before pressing
 * play: what to look at, and what it shows. Shown when the preset opens.
 */
export const WATCH_FOR: Readonly<Record<string, readonly [string, string]>> = {
  'fig2-native': [
    'Watch the OS walk its ISR chain on INTA: each handler asks its own device and answers "not mine" until one claims.',
    'No hypervisor is involved, so this is the cost the VMs of the next figures pay again, each for itself.',
  ],
  'fig3-broadcast': [
    'Watch the host forward each interrupt to all three VMs: every VM is switched in and walks its chain.',
    'Two of the three find nothing each time, so the spurious counters grow with every raise.',
  ],
  'fig4-selective': [
    "Watch the host read each device's Interrupt Status bit (620) before it forwards anything.",
    'Only the owner of the asserting device is interrupted: one context switch per raise and no spurious interrupt.',
  ],
  'fig4-device-id': [
    'Watch the indication that reaches the owner: it names the device.',
    'The owner calls that one ISR directly instead of walking its chain.',
  ],
  'fig5-gates': [
    'Open the gates of nic0 and watch 520 and 530: INTx Status can be 1 while Interrupt Disable holds the pin at 0.',
    'Click "510 enable" or "INTx Disable (bit 10)" to change the inputs yourself.',
  ],
  'race-eoi': [
    'Watch the line and the EOI: the device needs 3 µs to drop its pin after its ISR clears it.',
    'The EOI comes first, the line is still high, so the level-triggered controller delivers again and no ISR claims it.',
  ],
  'race-eoi-flushed': [
    'The same race as race-eoi, but the ISR reads the device back after clearing it.',
    'The pin is low before the EOI, so there is no re-delivery and no spurious interrupt.',
  ],
  'legacy-device': [
    'Watch usb0: it predates PCI 2.3, so the host can neither read its Status bit nor mask it alone.',
    'Its owner vm3 receives every interrupt of INTA, and the host masks the whole line until vm3 sends EOI.',
  ],
  'edge-loss': [
    'Watch the two lines: on each, a second device asserts while the line is already high.',
    'The edge line INTA sees no new edge and loses b-edge; the level line INTB is delivered again after the EOI.',
  ],
  threads: [
    'Watch the threads instead of VMs: selective forwarding wakes only the thread of the asserting device.',
    'A wake-up costs less than a VM switch, but the saving is of the same kind.',
  ],
  storm: [
    'Watch stuck0: it asserts and no driver services it, so the level line is delivered again after every EOI.',
    'The "nobody cared" detector then disables the whole line, and nic0 on it goes unserviced too (Linux would still poll it every 100 ms: host "vfio").',
  ],
  'contention-4-vms': [
    'Watch the VMs queue for the 4 physical CPUs: under broadcast every raise wakes every VM, and each waits its turn.',
    "Open Metrics and compare the devices' latency under Broadcast and Selective; then open contention-16-vms, where broadcast falls further behind.",
  ],
  'contention-16-vms': [
    'Sixteen VMs share 4 physical CPUs: under broadcast the owner of a device waits behind the VMs that will find nothing.',
    'Switch to Selective: only the owner is woken, so its latency stays what it was with 4 VMs.',
  ],
  'fig3-msi': [
    "Figure 3's devices signal by MSI, a memory write of their own vector: there is no shared line and no Status read.",
    'Watch each interrupt reach only its owner, whatever the policy says: 4 switches and not one spurious interrupt.',
  ],
  'kvm-late-ack': [
    'The guest driver acknowledges its device only after its EOI; KVM resamples the line at that EOI and finds it still asserted.',
    'Watch the extra interrupt that follows and the guest walk its chain for nothing: the "erroneous extra interrupts" of real drivers.',
  ],
  'kvm-late-ack-fixed': [
    'The same late acknowledgement, with the resample deferred until the guest unmasks the device.',
    'Watch the EOI pass without a second delivery: no extra interrupt, no spurious walk.',
  ],
  'scale-32-vms': [
    'Watch the context switches in the status bar: under broadcast each raise switches into all 32 VMs.',
    'Switch the policy to Selective: the same 16 raises cost 16 switches and no spurious interrupt.',
  ],
};

/** The two sentences for a preset, or null for a scenario that is not a built-in preset. */
export function watchFor(presetName: string | null): readonly [string, string] | null {
  return presetName === null ? null : (WATCH_FOR[presetName] ?? null);
}
