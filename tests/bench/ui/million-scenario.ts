/**
 * The seek benchmark's scenario, as a scenario file (normalized in the page):
 * selective forwarding, 8 VMs and 8 devices on one level line, chains of 4
 * ISRs, 33,000 random raises: about 30 events per raise, so about 1,000,000
 * events (the JSON reports the exact count).
 */
export const MILLION_RAISES = 33_000;

export function millionEventScenario(raises = MILLION_RAISES): Record<string, unknown> {
  const vms = 8;
  const devices = 8;
  const chain = 4;
  return {
    format: 'intx-lab/scenario',
    version: 1,
    name: `bench: ${vms} VMs, ${devices} devices on INTA, ${raises} raises`,
    seed: 7,
    policy: 'selective',
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: Array.from({ length: devices }, (_, i) => ({
      id: `dev${i}`,
      line: 'INTA',
      owners: [`vm${i}`],
    })),
    entities: Array.from({ length: vms }, (_, v) => ({
      id: `vm${v}`,
      isrs: Array.from({ length: chain }, (_, k) => ({
        id: `vm${v}-isr${k}`,
        device: k === v % chain ? `dev${v}` : null,
      })),
    })),
    stimuli: [],
    traffic: Array.from({ length: devices }, (_, i) => ({
      device: `dev${i}`,
      meanIntervalNs: 400_000,
      count: Math.ceil(raises / devices),
    })),
    maxEvents: 5_000_000,
  };
}

/** mulberry32: a small fixed-seed PRNG, so every run seeks to the same cursors. */
export function seededFractions(seed: number, count: number): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}
