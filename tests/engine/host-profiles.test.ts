import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import { ofType, presetScenario, run, scenarioOf, TWO_SHARERS } from './helpers';

/*
 * Host profiles: the real hosts' behaviour, each test citing the function it follows.
 * Default costs: delivery 100, host entry 300, config read 500, config write 500,
 * world switch 1500, ISR call 400, service 1000, EOI 100.
 */

const base = { format: 'intx-lab/scenario', version: 1, name: 'profile' } as const;
const two = TWO_SHARERS;
const times = (events: readonly TraceEvent[], type: TraceEvent['type']) =>
  events.filter((e) => e.type === type).map((e) => e.t);

describe('xen: xen/arch/x86/irq.c', () => {
  const raiseNic = [{ at: 1000, device: 'nic0', action: 'raise' }];
  it('forwards only to the guests bound to the IRQ (pirq_guest_bind), not to vm3', () => {
    const { events } = run(
      scenarioOf({ ...base, ...two, policy: 'broadcast', host: 'xen', stimuli: raiseNic }),
    );
    expect(ofType(events, 'host.forward').map((f) => f.entity)).toEqual(['vm1', 'vm2']);
    // The patent's broadcast interrupts every VM.
    const patent = run(
      scenarioOf({ ...base, ...two, policy: 'broadcast', stimuli: raiseNic }),
    ).events;
    expect(ofType(patent, 'host.forward').map((f) => f.entity)).toEqual(['vm1', 'vm2', 'vm3']);
  });
  it('level IRQ, ACKTYPE_EOI: no mask; the physical EOI waits for the last guest (desc_guest_eoi)', () => {
    // vm1 services at 1400 + 1500 + 400 = 3300 and EOIs at 3300 + 1000 + 100 = 4400; vm2 (not mine)
    // EOIs at 3400. The host EOIs the I/O APIC at vm1's, 4400.
    const { events } = run(
      scenarioOf({ ...base, ...two, policy: 'broadcast', host: 'xen', stimuli: raiseNic }),
    );
    expect(ofType(events, 'ioapic.mask')).toHaveLength(0);
    expect(ofType(events, 'ioapic.eoi').map((e) => [e.t, e.by])).toEqual([[4400, 'host']]);
  });
  it('edge IRQ, ACKTYPE_NONE: no mask and no in-flight wait: the host EOIs at once', () => {
    const { events } = run(
      scenarioOf({
        ...base,
        ...two,
        lines: [{ id: 'INTA', trigger: 'edge' }],
        policy: 'broadcast',
        host: 'xen',
        stimuli: raiseNic,
      }),
    );
    expect(ofType(events, 'ioapic.mask')).toHaveLength(0);
    // Delivery at 1000, host entry until 1400: forwards and the EOI then.
    expect(times(events, 'ioapic.eoi')).toEqual([1400]);
  });
  it('a guest slower than 1 ms: irq_guest_eoi_timer_fn forces the EOI 1 ms after the forward', () => {
    const { events } = run(
      scenarioOf({
        ...base,
        ...two,
        costs: { serviceNs: 2_000_000 },
        policy: 'broadcast',
        host: 'xen',
        stimuli: raiseNic,
      }),
    );
    expect(ofType(events, 'host.eoi-timer')).toEqual([
      expect.objectContaining({ t: 1_001_400, line: 'INTA', inFlight: 1 }),
    ]);
    expect(times(events, 'ioapic.eoi')).toEqual([1_001_400]);
  });
  it('at most irq_max_guests = 32 guests per IRQ: the 33rd binding is refused', () => {
    const n = 33;
    const file = {
      ...base,
      policy: 'broadcast',
      host: 'xen',
      devices: Array.from({ length: n }, (_, i) => ({
        id: `d${i}`,
        line: 'INTA',
        owners: [`vm${i}`],
      })),
      entities: Array.from({ length: n }, (_, i) => ({
        id: `vm${i}`,
        isrs: [{ id: `i${i}`, device: `d${i}` }],
      })),
      stimuli: [{ at: 1000, device: 'd0', action: 'raise' }],
    };
    const { events } = run(scenarioOf(file));
    expect(ofType(events, 'host.refuse')).toEqual([
      expect.objectContaining({ t: 0, entity: 'vm32', line: 'INTA', reason: 'too-many-guests' }),
    ]);
    expect(ofType(events, 'host.forward')).toHaveLength(32);
  });
  it('scale-32-vms: only the 16 owners are bound: 16 x 16 = 256 switches, 16 x 15 = 240 spurious', () => {
    const t = run(presetScenario('scale-32-vms', { host: 'xen' })).summary.totals;
    expect([t.contextSwitches, t.spurious]).toEqual([256, 240]);
  });
});

describe('vfio: drivers/vfio/pci/vfio_pci_intrs.c vfio_intx_handler', () => {
  it("each device's handler signals its owner before the next device is read", () => {
    // Both raise at 1000. nic0 read at 1400, masked at 1900, vm1 signalled at 2400; only then is
    // disk0 read (2400), masked (2900) and vm2 signalled (3400). The patent reads both first
    // and forwards both at 1400 + 500 + 500 + 500 + 500 = 3400.
    const stimuli = [
      { at: 1000, device: 'nic0', action: 'raise' },
      { at: 1000, device: 'disk0', action: 'raise' },
    ];
    const vfio = run(
      scenarioOf({ ...base, ...two, policy: 'selective', host: 'vfio', stimuli }),
    ).events;
    expect(ofType(vfio, 'host.forward').map((f) => [f.t, f.entity])).toEqual([
      [2400, 'vm1'],
      [3400, 'vm2'],
    ]);
    expect(
      ofType(vfio, 'host.config-read')
        .map((e) => [e.t, e.device])
        .slice(0, 2),
    ).toEqual([
      [1400, 'nic0'],
      [2400, 'disk0'],
    ]);
    const patent = run(scenarioOf({ ...base, ...two, policy: 'selective', stimuli })).events;
    expect(ofType(patent, 'host.forward').map((f) => [f.t, f.entity])).toEqual([
      [3400, 'vm1'],
      [3400, 'vm2'],
    ]);
  });
  it('a device the host has masked is skipped without a config read (!ctx->masked)', () => {
    // nic0 raised at 1000 and masked until vm1's EOI (5400); disk0 raises at 3000. On that
    // delivery VFIO skips nic0 unread; the patent reads it (Status 1) and then skips it.
    const stimuli = [
      { at: 1000, device: 'nic0', action: 'raise' },
      { at: 3000, device: 'disk0', action: 'raise' },
    ];
    const reads = (host?: string) =>
      ofType(
        run(
          scenarioOf({ ...base, ...two, policy: 'selective', ...(host ? { host } : {}), stimuli }),
        ).events,
        'host.config-read',
      ).filter((e) => e.device === 'nic0').length;
    // Sweep reads of nic0, plus its unmask check after vm1's EOI.
    expect(reads()).toBe(3);
    expect(reads('vfio')).toBe(2);
  });
  it('a device without PCI 2.3 masking on a shared line is refused: -EBUSY', () => {
    const { events, summary } = run(presetScenario('legacy-device', { host: 'vfio' }));
    expect(ofType(events, 'host.refuse')).toEqual([
      expect.objectContaining({ t: 0, device: 'usb0', entity: 'vm3', reason: 'no-intx-masking' }),
    ]);
    // Its INTx is never enabled: its raise is never serviced, and nobody else pays for it.
    expect(summary.devices.usb0!.lost).toBe(1);
    expect(summary.totals.spurious).toBe(0);
  });
  it('a device on the vfio_pci_nointx list (unreliable Status) has its INTx hidden', () => {
    const { events } = run(
      scenarioOf({
        ...base,
        ...two,
        devices: [two.devices[0], { ...two.devices[1], statusReliable: false }],
        policy: 'selective',
        host: 'vfio',
        stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
      }),
    );
    expect(ofType(events, 'host.refuse')).toEqual([
      expect.objectContaining({ device: 'disk0', reason: 'intx-hidden' }),
    ]);
    // disk0 is not a sharer any more: no noisy reads, no forwards to vm2.
    expect(ofType(events, 'host.config-read').some((e) => e.device === 'disk0')).toBe(false);
    expect(ofType(events, 'host.forward').map((f) => f.entity)).toEqual(['vm1']);
  });
  it('a pre-2.3 device beside only a hidden one has the line to itself: not refused', () => {
    // disk0 (XL710-like) requests no IRQ, so nic0's request_irq without IRQF_SHARED succeeds.
    const { events, summary } = run(
      scenarioOf({
        ...base,
        ...two,
        devices: [
          { ...two.devices[0], pci23: false },
          { ...two.devices[1], statusReliable: false },
        ],
        policy: 'selective',
        host: 'vfio',
        stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
      }),
    );
    expect(ofType(events, 'host.refuse')).toEqual([
      expect.objectContaining({ device: 'disk0', reason: 'intx-hidden' }),
    ]);
    expect(summary.devices.nic0).toMatchObject({ serviced: 1, lost: 0 });
  });
  it('the patent profile (default) keeps every preset number: no refusal, no timer', () => {
    const { events } = run(presetScenario('legacy-device'));
    expect(ofType(events, 'host.refuse')).toHaveLength(0);
  });
});

describe('kvm: irqfd and resamplefd (virt/kvm/eventfd.c, vfio_pci_intx_unmask_handler)', () => {
  it('a driver that acknowledges after its EOI gets an erroneous extra interrupt per raise', () => {
    // From nic0's raise at t0: read at t0 + 400, masked at + 900, vm1 signalled at + 1400, claims
    // at + 1400 + 1500 = + 2900 and EOIs at + 3300; the resampler fires at + 3400 and VFIO reads
    // Status 1 (the acknowledgement lands at + 3800): still pending, so vm1 is signalled again
    // and finds nothing: one spurious interrupt per nic0 raise.
    const { events, summary } = run(presetScenario('kvm-late-ack'));
    expect(summary.entities.vm1!.spurious).toBe(2);
    expect(summary.entities.vm2!.spurious).toBe(0);
    const first = ofType(events, 'host.config-read').filter((e) => e.device === 'nic0')[1]!;
    expect([first.t - 1_000_000, first.status]).toEqual([3400, 1]);
    expect(ofType(events, 'host.forward').filter((f) => f.reason === 'still-pending')).toHaveLength(
      2,
    );
  });
  it('deferring the resample until the guest is done removes them', () => {
    const { summary, events } = run(presetScenario('kvm-late-ack-fixed'));
    expect(summary.totals.spurious).toBe(0);
    expect(summary.totals.lost).toBe(0);
    // The check happens at vm1's exit, after the acknowledgement: t0 + 3800 + 1000, and reads 0.
    const check = ofType(events, 'host.config-read').filter((e) => e.device === 'nic0')[1]!;
    expect([check.t - 1_000_000, check.status]).toEqual([4800, 0]);
  });
});

describe('poll_spurious_irqs (kernel/irq/spurious.c), where Linux handles the line', () => {
  it('storm under a Linux host: the disabled line is polled every 100 ms and nic0 is served', () => {
    // The detector disables INTA at 1,599,900 ns (storm preset). nic0 raises at 20 ms; the
    // first poll tick is 100 ms after the disable, at 101,599,900, and the OS's walk services
    // nic0 one ISR call (400 ns) later. stuck0 is never served, so polling goes on.
    const { events, summary } = run(
      presetScenario('storm', { host: 'vfio', untilNs: 250_000_000 }),
    );
    expect(times(events, 'line.poll')).toEqual([101_599_900, 201_599_900]);
    expect(summary.devices.nic0).toMatchObject({ serviced: 1, lost: 0 });
    expect(summary.devices.nic0!.latencyNs.max).toBe(101_600_300 - 20_000_000);
    // A poll pass is no interrupt: the second finds only stuck0 and claims nothing, and is
    // no spurious interrupt for it (note_interrupt() returns at once under IRQS_POLL_INPROGRESS).
    expect(summary.totals.deliveries).toBe(1000);
    expect(summary.entities.os!.spurious).toBe(1000);
  });
  it('under selective the host polls: a pass that forwards nothing is no unhandled interrupt', () => {
    const { events, summary } = run(
      presetScenario('storm', { host: 'vfio', policy: 'selective', untilNs: 250_000_000 }),
    );
    expect(ofType(events, 'line.poll').length).toBeGreaterThan(1);
    expect(summary.totals.hostUnhandled).toBe(summary.totals.deliveries);
  });
  it('the patent profile keeps the storm preset as it was: no poll, nic0 lost', () => {
    const { events, summary } = run(presetScenario('storm', { untilNs: 250_000_000 }));
    expect(ofType(events, 'line.poll')).toHaveLength(0);
    expect(summary.devices.nic0!.lost).toBe(1);
  });
});

describe("a nobody-cared detector inside each guest (the guest's own note_interrupt())", () => {
  const file = {
    ...base,
    ...two,
    policy: 'broadcast',
    host: 'xen',
    nobodyCared: { enabled: true, window: 4, threshold: 3 },
    stimuli: [1, 2, 3, 4, 5].map((k) => ({ at: k * 1_000_000, device: 'nic0', action: 'raise' })),
  };
  it('vm2, bound to INTA for disk0, finds 4 of 4 of nic0 interrupts unhandled and disables it', () => {
    // Each nic0 raise at k ms reaches vm2 at k ms + 400, its walk ends 1500 + 400 later: the
    // 4th window ends at 4,002,300 with 4 > 3 unhandled.
    const { events, summary } = run(scenarioOf(file));
    expect(ofType(events, 'entity.nobody-cared')).toEqual([
      expect.objectContaining({ t: 4_002_300, entity: 'vm2', line: 'INTA', window: 4 }),
    ]);
    // The 5th reaches vm2 but is never taken (4 switches, not 5) nor EOI'd: Xen's timer
    // stops waiting for it 1 ms after the forward, at 5,000,400 + 1,000,000.
    expect(summary.entities.vm2).toMatchObject({ interrupts: 5, contextSwitches: 4, spurious: 4 });
    expect(times(events, 'host.eoi-timer')).toEqual([6_000_400]);
    expect(summary.totals.lost).toBe(0);
  });
  it('vm2 still polls its disabled IRQ every 100 ms (its own poll_spurious_irqs): disk0 is served', () => {
    // disk0 raises at 50 ms, after vm2 disabled INTA at 4,002,300. Its forward to vm2 is
    // dropped, and Xen's 1 ms timer EOIs a line disk0 keeps asserting. vm2's poll grid starts
    // at the disable: the tick at 104,002,300 finds disk0 pending, vm2 is switched in (1,500)
    // and its ISR (400) claims: disk0 is serviced at 104,004,200. No EOI follows the poll,
    // and the tick after finds nothing and is not armed again: the run ends.
    const { events, summary } = run(
      scenarioOf({
        ...file,
        stimuli: [...file.stimuli, { at: 50_000_000, device: 'disk0', action: 'raise' }],
      }),
    );
    expect(ofType(events, 'entity.poll')).toEqual([
      expect.objectContaining({ t: 104_002_300, entity: 'vm2', line: 'INTA' }),
    ]);
    expect(summary.devices.disk0).toMatchObject({ serviced: 1, lost: 0 });
    expect(summary.devices.disk0!.latencyNs.max).toBe(104_004_200 - 50_000_000);
    // The poll is no interrupt: vm2's four spurious walks stay four, and no EOI follows
    // (try_one_irq calls the handlers and returns): vm2 exits once its ISR has serviced.
    expect(summary.entities.vm2!.spurious).toBe(4);
    expect(ofType(events, 'entity.eoi').filter((e) => e.t >= 104_002_300)).toEqual([]);
    expect(times(events, 'entity.exit').at(-1)).toBe(104_005_200);
    // disk0 served, no tick is armed again: the run ends at Xen's last timer, not 100 ms on.
    expect(ofType(events, 'run.end')).toEqual([
      expect.objectContaining({ t: 104_021_600, reason: 'idle' }),
    ]);
  });
  it('a driver that acknowledges after its EOI: the poll serves it, and arms no empty tick', () => {
    const late = {
      ...file,
      entities: [
        two.entities[0],
        { id: 'vm2', isrs: [{ id: 'vm2-disk0', device: 'disk0', ackAfterEoi: true }] },
        two.entities[2],
      ],
      stimuli: [...file.stimuli, { at: 50_000_000, device: 'disk0', action: 'raise' }],
    };
    const { events, summary } = run(scenarioOf(late));
    expect(times(events, 'entity.poll')).toEqual([104_002_300]);
    expect(summary.devices.disk0).toMatchObject({ serviced: 1, lost: 0 });
    // The run ends with the pass (and Xen's last timer), not at a tick 100 ms on.
    expect(times(events, 'run.end')[0]).toBeLessThan(105_000_000);
  });
  it("under another profile's broadcast the guest still EOIs what it drops: the line is not held", () => {
    // kvm under broadcast: the patent's host, which masks INTA until every VM has EOI'd and
    // has no 1 ms timer. vm2 and vm3 disable INTA after 4 of nic0's interrupts; each
    // drops the 5th and 6th but EOIs them (handle_fasteoi_irq masks its pin and EOIs), so
    // the line is unmasked and nic0's 6th raise reaches vm1.
    const { events, summary } = run(
      scenarioOf({
        ...file,
        host: 'kvm',
        stimuli: [...file.stimuli, { at: 10_000_000, device: 'nic0', action: 'raise' }],
      }),
    );
    expect(ofType(events, 'entity.nobody-cared').map((e) => e.entity)).toEqual(['vm2', 'vm3']);
    expect(summary.devices.nic0).toMatchObject({ raised: 6, serviced: 6, lost: 0 });
    expect(summary.entities.vm2).toMatchObject({ interrupts: 6, contextSwitches: 4 });
  });
  it('a guest with nothing pending arms no poll: the run ends where it did', () => {
    const { events } = run(scenarioOf(file));
    expect(ofType(events, 'entity.poll')).toEqual([]);
    expect(times(events, 'run.end')).toEqual([6_000_400]);
  });
  it("an MSI device's handler is on its own IRQ: a poll of the line never calls it", () => {
    // msi0 never signals (enable off) but asserts its cause after vm2 disabled INTA.
    const { events, summary } = run(
      scenarioOf({
        ...file,
        devices: [
          ...two.devices,
          { id: 'msi0', line: 'INTA', owners: ['vm2'], interrupt: 'msi', enabled: false },
        ],
        entities: [
          two.entities[0],
          { id: 'vm2', isrs: [...two.entities[1]!.isrs, { id: 'vm2-msi0', device: 'msi0' }] },
          two.entities[2],
        ],
        stimuli: [...file.stimuli, { at: 10_000_000, device: 'msi0', action: 'raise' }],
      }),
    );
    expect(ofType(events, 'entity.poll')).toEqual([]);
    expect(summary.devices.msi0).toMatchObject({ serviced: 0, lost: 1 });
    // Nor does an INTx walk: vm2's four walks of nic0's interrupts call vm2-disk0 only.
    expect(ofType(events, 'isr.call').filter((c) => c.isr === 'vm2-msi0')).toEqual([]);
  });
  it('threads have no kernel of their own: no guest detector', () => {
    const { events } = run(scenarioOf({ ...file, entityKind: 'thread' }));
    expect(ofType(events, 'entity.nobody-cared')).toEqual([]);
  });
  it('the patent profile has no guest detector: the same file keeps every number', () => {
    const { events } = run(scenarioOf({ ...file, host: 'patent' }));
    expect(ofType(events, 'entity.nobody-cared')).toHaveLength(0);
  });
});
