import contention16 from './contention-16-vms.json';
import contention4 from './contention-4-vms.json';
import edgeLoss from './edge-loss.json';
import fig2Native from './fig2-native.json';
import fig3Broadcast from './fig3-broadcast.json';
import fig3Msi from './fig3-msi.json';
import fig4DeviceId from './fig4-device-id.json';
import fig4Selective from './fig4-selective.json';
import fig5Gates from './fig5-gates.json';
import kvmLateAck from './kvm-late-ack.json';
import kvmLateAckFixed from './kvm-late-ack-fixed.json';
import legacyDevice from './legacy-device.json';
import raceEoi from './race-eoi.json';
import raceEoiFlushed from './race-eoi-flushed.json';
import scale32 from './scale-32-vms.json';
import storm from './storm.json';
import threads from './threads.json';

/**
 * The built-in scenarios. Each is a plain scenario file in this folder, so a
 * user can open, copy or share it like any other; `teaches` is the one line the
 * gallery and the preset picker show.
 */
export interface Preset {
  name: string;
  teaches: string;
  /** The scenario file as written (defaults not yet filled). */
  file: unknown;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'fig2-native',
    teaches: 'One OS walks its ISR chain until one claims (Figure 2).',
    file: fig2Native,
  },
  {
    name: 'fig3-broadcast',
    teaches: 'Every VM is interrupted for every device (Figure 3).',
    file: fig3Broadcast,
  },
  {
    name: 'fig3-msi',
    teaches: 'The same devices with MSI: no shared line, only the owner is interrupted.',
    file: fig3Msi,
  },
  {
    name: 'fig4-selective',
    teaches: 'Status bits decide who is interrupted (Figures 4 and 6).',
    file: fig4Selective,
  },
  {
    name: 'fig4-device-id',
    teaches: 'The indication names the device: no chain walk.',
    file: fig4DeviceId,
  },
  {
    name: 'fig5-gates',
    teaches: 'Status AND enable, then NOT Interrupt Disable (Figure 5).',
    file: fig5Gates,
  },
  {
    name: 'race-eoi',
    teaches: 'An EOI that beats the de-assert causes a spurious interrupt.',
    file: raceEoi,
  },
  {
    name: 'race-eoi-flushed',
    teaches: 'Flushing the posted write closes the EOI race.',
    file: raceEoiFlushed,
  },
  {
    name: 'legacy-device',
    teaches: 'A pre-2.3 device cannot be ruled out or masked alone.',
    file: legacyDevice,
  },
  {
    name: 'edge-loss',
    teaches: 'Why shared lines are level-triggered: an edge is lost.',
    file: edgeLoss,
  },
  {
    name: 'threads',
    teaches: 'Selective wake-ups of threaded handlers instead of VMs.',
    file: threads,
  },
  { name: 'storm', teaches: 'A device nobody services; Linux disables the line.', file: storm },
  {
    name: 'scale-32-vms',
    teaches: 'Broadcast cost grows with every VM on the line.',
    file: scale32,
  },
  {
    name: 'contention-4-vms',
    teaches: 'VMs share 4 physical CPUs: broadcast makes them queue (para 13-14).',
    file: contention4,
  },
  {
    name: 'contention-16-vms',
    teaches: 'Four times the VMs on the same 4 CPUs: broadcast latency grows, selective does not.',
    file: contention16,
  },
  {
    name: 'kvm-late-ack',
    teaches: 'KVM resamples on EOI: a driver that acknowledges late gets an extra interrupt.',
    file: kvmLateAck,
  },
  {
    name: 'kvm-late-ack-fixed',
    teaches: 'The resample deferred until the guest is done: no extra interrupt.',
    file: kvmLateAckFixed,
  },
];

/** The scenario the app opens on. */
export const DEFAULT_PRESET = 'fig3-broadcast';

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
export { presetScenario, readPreset } from './read';
