import type { Scenario } from '../engine/scenario';
import { normalizeScenario } from '../trace-io';
import { withMsi } from './msi';
import { SWEEP_LIMITS } from './sweep-request';

/** `msi`: the same family with every device message-signalled (run under selective). */
export type SweepPolicy = 'broadcast' | 'selective' | 'msi';

export interface SweepShape {
  vms: number;
  chain: number;
  policy: SweepPolicy;
  raises: number;
  meanGapNs: number;
  seed: number;
}

/**
 * The sweep's scenario family, a generalisation of the scale-32-vms preset:
 * N VMs share one level line, VM i owns exactly one device (devi) on it.
 *
 * Each VM's chain has C ISRs: C - 1 for devices that are not on this physical
 * line (the VM's own virtual timer, console, ...), then its own device's ISR
 * last. The other VMs' devices get no ISR in this VM because it has no driver
 * for hardware it does not own; the C - 1 others are what makes a spurious
 * walk long (Figure 3). The owner's ISR goes last so that every walk, the
 * owner's included, costs exactly C ISR calls: the chain axis then measures
 * chain length alone, not where the right ISR happens to sit.
 *
 * R raises are spread evenly over the devices as seeded random traffic whose
 * mean gap on the whole line stays the same whatever N, so adding VMs adds
 * sharers, not load.
 */
export function sweepScenario(shape: SweepShape): Scenario {
  const { vms, chain, policy, raises, meanGapNs, seed } = shape;
  const ids = Array.from({ length: vms }, (_, i) => i + 1);
  const base = Math.floor(raises / vms);
  const extra = raises % vms;
  const doc = {
    format: 'intx-lab/scenario',
    version: 1,
    name: `Sweep: ${vms} VMs, chains of ${chain}, ${policy}`,
    description:
      `${vms} VMs share INTA, each owning one device; every chain has ${chain} ISRs ` +
      `with the owner's last. ${raises} seeded random raises.`,
    seed,
    policy: policy === 'msi' ? 'selective' : policy,
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: ids.map((i) => ({ id: `dev${i}`, line: 'INTA', owners: [`vm${i}`] })),
    entities: ids.map((i) => ({
      id: `vm${i}`,
      isrs: [
        ...Array.from({ length: chain - 1 }, (_, k) => ({
          id: `vm${i}-other${k + 1}`,
          device: null,
        })),
        { id: `vm${i}-dev${i}`, device: `dev${i}` },
      ],
    })),
    stimuli: [],
    traffic: ids
      .map((i) => ({
        device: `dev${i}`,
        meanIntervalNs: meanGapNs * vms,
        count: base + (i <= extra ? 1 : 0),
      }))
      .filter((t) => t.count > 0),
    maxEvents: SWEEP_LIMITS.eventsPerPoint,
  };
  const parsed = normalizeScenario(doc);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new Error(
      `sweep scenario ${vms}x${chain}: ${first ? `${first.path}: ${first.message}` : 'invalid'}`,
    );
  }
  return policy === 'msi' ? withMsi(parsed.value) : parsed.value;
}
