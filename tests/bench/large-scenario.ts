import type { Scenario } from '../../src/engine/scenario';
import { normalizeScenario } from '../../src/trace-io';

/**
 * The benchmark scenario: 64 VMs, 16 devices on one level line, chains of 8
 * ISRs, `raises` random raises spread over the devices. Device i is owned by
 * vm(4i); its ISR sits at position i mod 8 of the owner's chain.
 */
export function largeScenario(policy: 'broadcast' | 'selective', raises: number): Scenario {
  const vms = 64;
  const devices = 16;
  const chain = 8;
  const doc = {
    format: 'intx-lab/scenario',
    version: 1,
    name: `bench: ${vms} VMs, ${devices} devices, chains of ${chain}`,
    policy,
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: Array.from({ length: devices }, (_, i) => ({
      id: `dev${i}`,
      line: 'INTA',
      owners: [`vm${4 * i}`],
    })),
    entities: Array.from({ length: vms }, (_, v) => ({
      id: `vm${v}`,
      isrs: Array.from({ length: chain }, (_, k) => {
        const owned = v % 4 === 0 && v / 4 < devices && k === (v / 4) % chain;
        return { id: `vm${v}-isr${k}`, device: owned ? `dev${v / 4}` : null };
      }),
    })),
    stimuli: [],
    traffic: Array.from({ length: devices }, (_, i) => ({
      device: `dev${i}`,
      meanIntervalNs: 400_000,
      count: Math.ceil(raises / devices),
    })),
    maxEvents: 50_000_000,
  };
  const r = normalizeScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
