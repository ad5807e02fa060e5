import { describe, expect, it } from 'vitest';
import { withMsi } from '../../src/analysis/msi';
import type { Policy } from '../../src/engine/scenario';
import { PRESETS } from '../../src/presets';
import { ofType, presetScenario, run, scenarioOf } from './helpers';

/*
 * Message-signalled interrupts (Linux Documentation/PCI/msi-howto.rst): a memory write
 * of the device's vector, shared with nothing, needing no Status read; on a host VFIO's
 * vfio_msihandler only signals that vector's eventfd. Default costs: delivery 100, host
 * entry 300, world switch 1500, ISR call 400, service 1000, EOI 100.
 */

const POLICIES: Policy[] = ['native', 'broadcast', 'selective'];

describe('fig3 with MSI devices', () => {
  for (const policy of ['broadcast', 'selective'] as const) {
    it(`${policy}: 4 raises, 4 context switches (owners only), 4 ISR calls, no spurious, no reads`, () => {
      const t = run(presetScenario('fig3-msi', { policy })).summary.totals;
      expect([t.contextSwitches, t.isrCalls, t.spurious, t.configReads]).toEqual([4, 4, 0, 0]);
    });
  }
  it('the owner calls the device ISR at once: latency 100 + 300 + 1500 + 400 = 2300 ns', () => {
    const { summary, events } = run(presetScenario('fig3-msi'));
    for (const d of Object.values(summary.devices)) expect(d.latencyNs.max).toBe(2300);
    expect(ofType(events, 'host.forward').every((f) => f.reason === 'msi')).toBe(true);
    expect(ofType(events, 'line.level')).toHaveLength(0);
    expect(ofType(events, 'ioapic.deliver')).toHaveLength(0);
  });
  it('natively the OS runs the vector handler: no chain walk, 100 + 400 = 500 ns', () => {
    const { summary } = run(presetScenario('fig3-msi', { policy: 'native' }));
    expect(summary.totals.isrCalls).toBe(4);
    for (const d of Object.values(summary.devices)) expect(d.latencyNs.max).toBe(500);
  });
});

describe('every preset converted to MSI', () => {
  // storm's stuck0 has no driver, so it cannot enable MSI and keeps storming on INTx.
  const convertible = PRESETS.map((p) => p.name).filter((n) => n !== 'storm');
  for (const name of convertible) {
    for (const policy of POLICIES) {
      it(`${name} under ${policy}: 0 spurious, 0 status reads, nothing lost`, () => {
        const { summary } = run(withMsi(presetScenario(name, { policy })));
        expect(summary.totals.spurious).toBe(0);
        expect(summary.totals.configReads).toBe(0);
        expect(summary.totals.lost).toBe(0);
      });
    }
  }
  it('storm: nic0 is served by MSI even though stuck0 storms on INTx and the line is disabled', () => {
    const { summary, events } = run(withMsi(presetScenario('storm')));
    expect(ofType(events, 'line.nobody-cared')).toHaveLength(1);
    expect(summary.devices.nic0!.lost).toBe(0);
    expect(summary.devices.stuck0!.lost).toBe(1);
  });
  it("para 9's race is gone without the flush: race-eoi gives 0 spurious and 1 delivery per raise", () => {
    const before = run(presetScenario('race-eoi')).summary.totals;
    expect(before.spurious).toBeGreaterThan(0);
    const s = withMsi(presetScenario('race-eoi'));
    expect(s.entities[0]!.isrs.some((i) => i.flushPostedWrites)).toBe(false);
    const t = run(s).summary.totals;
    expect([t.spurious, t.deliveries]).toEqual([0, t.raised]);
  });
});

describe('MSI-X vectors', () => {
  it('successive interrupts use the vectors in turn', () => {
    const { events } = run(
      scenarioOf({
        format: 'intx-lab/scenario',
        version: 1,
        name: 'msix',
        policy: 'selective',
        devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1'], interrupt: 'msix', vectors: 2 }],
        entities: [{ id: 'vm1', isrs: [{ id: 'i', device: 'nic0' }] }],
        stimuli: [0, 1, 2].map((k) => ({ at: 10_000 * (k + 1), device: 'nic0', action: 'raise' })),
      }),
    );
    expect(ofType(events, 'msi.deliver').map((e) => e.vector)).toEqual([0, 1, 0]);
  });
});
