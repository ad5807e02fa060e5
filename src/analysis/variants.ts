import type { HostProfile, Policy, Scenario } from '../engine/scenario';
import { withMsi } from './msi';

/** One way of running the same machine: a policy, and whether the indication names the device. */
export interface Variant {
  id: VariantId;
  label: string;
  policy: Policy;
  forwardDeviceId: boolean;
  /** Every device with a driver switched to MSI (see msi.ts). */
  msi?: boolean;
  /** A real host's behaviour (model.md, "Host profiles"); absent: the scenario's own. */
  host?: HostProfile;
}

export type VariantId =
  'native' | 'broadcast' | 'selective' | 'selective-id' | 'msi' | 'xen' | 'vfio' | 'kvm';

/**
 * The variants the Compare workspace puts side by side, broadcast first among
 * the hosted ones because every ratio is taken against it (the baseline of
 * Figure 3). Native folds the VMs into one OS (see runEntities).
 */
export const VARIANTS: readonly Variant[] = [
  { id: 'native', label: 'Native (one OS)', policy: 'native', forwardDeviceId: false },
  { id: 'broadcast', label: 'Broadcast', policy: 'broadcast', forwardDeviceId: false },
  { id: 'selective', label: 'Selective', policy: 'selective', forwardDeviceId: false },
  {
    id: 'selective-id',
    label: 'Selective + device id',
    policy: 'selective',
    forwardDeviceId: true,
  },
  // What modern devices do instead of sharing: the same machine, message-signalled.
  {
    id: 'msi',
    label: 'MSI (every device)',
    policy: 'selective',
    forwardDeviceId: false,
    msi: true,
  },
  // The real hosts beside the patent's ideal: Xen in production is broadcast, VFIO and
  // KVM (VFIO's eventfds with KVM's irqfd and resamplefd) are selective per device.
  { id: 'xen', label: 'Xen', policy: 'broadcast', forwardDeviceId: false, host: 'xen' },
  { id: 'vfio', label: 'VFIO', policy: 'selective', forwardDeviceId: false, host: 'vfio' },
  { id: 'kvm', label: 'KVM + VFIO', policy: 'selective', forwardDeviceId: false, host: 'kvm' },
];

export const BASELINE: VariantId = 'broadcast';

/** The scenario under a variant: everything else (devices, costs, stimuli, seed) unchanged. */
export function variantScenario(scenario: Scenario, variant: Variant): Scenario {
  const s: Scenario = {
    ...scenario,
    policy: variant.policy,
    forwardDeviceId: variant.forwardDeviceId,
    ...(variant.host !== undefined ? { host: variant.host } : {}),
  };
  return variant.msi ? withMsi(s) : s;
}
