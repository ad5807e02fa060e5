import { describe, expect, it } from 'vitest';
import { DEFAULT_COSTS } from '../../src/engine/scenario';
import { nativeEntities } from '../../src/engine/topology';
import { ofType, presetScenario, run } from './helpers';

/*
 * CPU contention and the host's own costs (para 13-14). Default costs: delivery 100,
 * host entry 300, config read 500, config write 500, world switch 1500, ISR call 400,
 * service 1000, EOI 100; the contention presets add injectNs 200 and 4 physical CPUs.
 * Each VM's chain is [timer (another line), its device's ISR if it owns one].
 */

const latency = (name: string, policy: string) =>
  Object.values(run(presetScenario(name, { policy })).summary.devices).map((d) => d.latencyNs.max);

describe('VMs sharing 4 physical CPUs', () => {
  it('broadcast, 4 VMs: the owner of devK is the (K+1)th injected; each waits for nothing', () => {
    // Raise t0; host at t0 + 100 + 300 = t0 + 400 forwards to vm1..vm4, 200 ns each, so
    // vmK enters at t0 + 400 + 200K and services at + 1500 + 400 (timer) + 400 (own ISR).
    expect(latency('contention-4-vms', 'broadcast')).toEqual([2900, 3100, 3300, 3500]);
  });
  it('broadcast, 16 VMs on the same 4 CPUs: owners wait in line for a CPU', () => {
    // dev1's owner vm5 is injected at t0 + 400 + 5 x 200 = t0 + 1400, but vm1..vm4 hold the
    // CPUs. vm2, a non-owner entered at t0 + 800, leaves first: + 1500 + 400 (timer, not mine)
    // + 100 (EOI) = t0 + 2800. vm5 enters then and services at t0 + 2800 + 2300 = t0 + 5100.
    const lat = latency('contention-16-vms', 'broadcast');
    expect(lat.slice(0, 2)).toEqual([2900, 5100]);
    expect(lat[3]).toBeGreaterThan(3500);
    const events = run(presetScenario('contention-16-vms')).events;
    expect(ofType(events, 'entity.wait-cpu').length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'entity.wait-cpu' && e.entity === 'vm5')).toBe(true);
  });
  it('selective: the same latency with 4 or 16 VMs, and no VM ever waits for a CPU', () => {
    // t0 + 400 host entry; reads of dev0..dev3 (500 each) with the mask write (500) after the
    // asserting one: forward at t0 + 400 + 4 x 500 + 500 = t0 + 2900, enter after the 200 ns
    // injection at t0 + 3100, service at t0 + 3100 + 1500 + 400 + 400 = t0 + 5400.
    expect(latency('contention-4-vms', 'selective')).toEqual([5400, 5400, 5400, 5400]);
    expect(latency('contention-16-vms', 'selective')).toEqual([5400, 5400, 5400, 5400]);
    const events = run(presetScenario('contention-16-vms', { policy: 'selective' })).events;
    expect(ofType(events, 'entity.wait-cpu')).toHaveLength(0);
  });
  it('without pcpus every VM has its own CPU, as before: nobody waits', () => {
    const events = run(presetScenario('contention-16-vms', { pcpus: null })).events;
    expect(ofType(events, 'entity.wait-cpu')).toHaveLength(0);
  });
});

describe("the host's CPU time in the summary", () => {
  it('broadcast: one entry and one injection per VM per delivery', () => {
    // 8 deliveries x (300 + 4 x 200) = 8,800 ns.
    const t = run(presetScenario('contention-4-vms')).summary.totals;
    expect(t.hostCpuNs).toBe(8 * (300 + 4 * 200));
    expect(t.cpuNs).toBe(t.busyNs + 8_800);
  });
  it('selective: entry, 4 Status reads, mask write, unmask read and write, one injection', () => {
    // 8 deliveries x (300 + 4 x 500 + 500 + 500 + 500 + 200) = 32,000 ns.
    const t = run(presetScenario('contention-4-vms', { policy: 'selective' })).summary.totals;
    expect(t.hostCpuNs).toBe(8 * (300 + 2000 + 500 + 500 + 500 + 200));
  });
  it('native: no host, no host CPU; cpuNs is the busy time', () => {
    const t = run(presetScenario('fig2-native')).summary.totals;
    expect(t.hostCpuNs).toBe(0);
    expect(t.cpuNs).toBe(t.busyNs);
  });
});

describe('a thread wake-up: latency and CPU time apart', () => {
  it('threadWakeCpuNs lowers CPU time, not latency or busy time: 4 wake-ups x (400 - 100)', () => {
    const base = run(presetScenario('threads')).summary;
    const cheap = run(
      presetScenario('threads', { costs: { threadWakeNs: 400, threadWakeCpuNs: 100 } }),
    ).summary;
    expect(cheap.totals.busyNs).toBe(base.totals.busyNs);
    expect(cheap.devices).toEqual(base.devices);
    expect(base.totals.cpuNs! - cheap.totals.cpuNs!).toBe(4 * (400 - 100));
  });
  it('defaults keep the whole wake-up on the CPU', () => {
    expect(DEFAULT_COSTS.threadWakeNs).toBe(400);
    const t = run(presetScenario('threads')).summary.totals;
    expect(t.cpuNs).toBe(t.busyNs + t.hostCpuNs!);
  });
});

describe('the native fold keeps one copy of each handler', () => {
  it("fig3's three VMs fold into one OS with one timer and one serial handler", () => {
    const os = nativeEntities(presetScenario('fig3-broadcast'))[0]!;
    expect(os.isrs.map((i) => i.id)).toEqual([
      'vm1-timer',
      'vm1-serial',
      'vm1-nic0',
      'vm2-kbd',
      'vm2-disk0',
      'vm3-audio',
      'vm3-usb0',
    ]);
  });
});
