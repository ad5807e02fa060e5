import { describe, expect, it } from 'vitest';
import { DEFAULT_COSTS as C } from '../../src/engine/scenario';
import { ofType, presetScenario, run } from './helpers';

/*
 * Hand-computed expectations for each figure. The shared topology of fig3/fig4:
 *   vm1 chain [timer, serial, nic0]          3 ISRs, owns nic0
 *   vm2 chain [kbd, disk0]                   2 ISRs, owns disk0
 *   vm3 chain [timer, serial, audio, usb0]   4 ISRs, owns usb0
 * four isolated raises: nic0, disk0, usb0, nic0 (1 ms apart, all handling done in between).
 */
const chain = { vm1: 3, vm2: 2, vm3: 4 };
const raisesOf = ['vm1', 'vm2', 'vm3', 'vm1'] as const; // the owner of each raise

describe('Figure 3: broadcast', () => {
  const { summary } = run(presetScenario('fig3-broadcast'));
  it('switches into every VM for every raise: 4 raises x 3 VMs = 12', () => {
    expect(summary.totals.contextSwitches).toBe(4 * 3);
  });
  it('counts a spurious interrupt in every non-owner: 4 raises x 2 = 8', () => {
    expect(summary.totals.spurious).toBe(4 * 2);
    // vm1 owns two of the four raises, so it is spurious twice; vm2 and vm3 three times.
    expect(summary.entities.vm1!.spurious).toBe(2);
    expect(summary.entities.vm2!.spurious).toBe(3);
    expect(summary.entities.vm3!.spurious).toBe(3);
  });
  it('walks every chain to its end (each owner ISR is last): 4 x (3+2+4) = 36 ISR calls', () => {
    expect(summary.totals.isrCalls).toBe(4 * (chain.vm1 + chain.vm2 + chain.vm3));
  });
  it('reads no Status register and services every raise', () => {
    expect(summary.totals.configReads).toBe(0);
    expect(summary.totals).toMatchObject({ raised: 4, serviced: 4, lost: 0, deliveries: 4 });
  });
});

describe('Figure 4: selective forwarding', () => {
  const { events, summary } = run(presetScenario('fig4-selective'));
  it('switches only into the owner: 4 context switches, 0 spurious', () => {
    expect(summary.totals.contextSwitches).toBe(4);
    expect(summary.totals.spurious).toBe(0);
  });
  it('walks only the owner chain: 3 + 2 + 4 + 3 = 12 ISR calls', () => {
    expect(summary.totals.isrCalls).toBe(raisesOf.reduce((n, vm) => n + chain[vm], 0));
  });
  it('reads 3 Status registers per delivery plus 1 unmask check per EOI: 4 x (3 + 1) = 16', () => {
    expect(summary.totals.configReads).toBe(4 * (3 + 1));
  });
  it('masks the asserting device with Command bit 10, never the line', () => {
    const hostWrites = ofType(events, 'device.intx-disable').filter((e) => e.by === 'host');
    expect(hostWrites.map((e) => [e.device, e.value])).toEqual([
      ['nic0', 1],
      ['nic0', 0],
      ['disk0', 1],
      ['disk0', 0],
      ['usb0', 1],
      ['usb0', 0],
      ['nic0', 1],
      ['nic0', 0],
    ]);
    expect(ofType(events, 'ioapic.mask')).toHaveLength(0);
  });
  it('forwards only to owners', () => {
    const forwards = ofType(events, 'host.forward');
    expect(forwards.map((f) => f.entity)).toEqual([...raisesOf]);
    expect(forwards.every((f) => f.reason === 'status')).toBe(true);
  });
});

describe('Figure 4 with the device id forwarded', () => {
  const { events, summary } = run(presetScenario('fig4-device-id'));
  it('calls exactly one ISR per raise: 4', () => {
    expect(summary.totals.isrCalls).toBe(4);
    expect(ofType(events, 'host.forward').map((f) => f.device)).toEqual([
      'nic0',
      'disk0',
      'usb0',
      'nic0',
    ]);
  });
});

describe('Figure 2: one OS walks its chain [nic0, disk0, usb0]', () => {
  const { summary } = run(presetScenario('fig2-native'));
  it('raises usb0, nic0, disk0 cost 3 + 1 + 2 = 6 ISR calls and no context switch', () => {
    expect(summary.totals.isrCalls).toBe(3 + 1 + 2);
    expect(summary.totals.contextSwitches).toBe(0);
    expect(summary.entities.os!.interrupts).toBe(3);
  });
});

describe('The EOI race of Figure 2', () => {
  /*
   * nic0 needs deassertDelayNs = 3000 after service to drop the line. Per raise at t0:
   *   delivery +100 -> ISR nic0 called at t0+100, claims, services at t0+500 (+isrCall 400);
   *   the line sees the de-assert at t0+500+3000 = t0+3500.
   *   The ISR returns at t0+1500 (+service 1000); EOI reaches the controller at t0+1600:
   *   the line is still high -> delivered again. The OS walks [nic0, disk0] (2 x 400),
   *   nobody claims: spurious, EOI at t0+2600: still high -> again; that walk ends at
   *   t0+3500 and its EOI at t0+3600 finds the line low. 2 spurious, 3 deliveries per raise.
   */
  it('gives 2 spurious interrupts and 3 deliveries per raise without a flush', () => {
    const { summary } = run(presetScenario('race-eoi'));
    const walk = 2 * C.isrCallNs;
    const lineLow = C.deliveryNs + C.isrCallNs + 3000; // t0+3500
    const firstEoi = C.deliveryNs + C.isrCallNs + C.serviceNs + C.eoiNs; // t0+1600
    const reDelivery = C.deliveryNs + walk + C.eoiNs; // one spurious round: 1000
    expect([firstEoi, firstEoi + reDelivery, firstEoi + 2 * reDelivery]).toEqual([
      1600, 2600, 3600,
    ]);
    expect(firstEoi + reDelivery < lineLow && firstEoi + 2 * reDelivery > lineLow).toBe(true);
    expect(summary.totals.spurious).toBe(3 * 2);
    expect(summary.totals.deliveries).toBe(3 * 3);
    expect(summary.totals.lost).toBe(0);
  });
  it('gives none when the ISR flushes its posted write before returning', () => {
    const { summary } = run(presetScenario('race-eoi-flushed'));
    expect(summary.totals.spurious).toBe(0);
    expect(summary.totals.deliveries).toBe(3);
  });
});

describe('Figure 5: the gates of one device', () => {
  const { events } = run(presetScenario('fig5-gates'));
  const at = (ms: number) => events.filter((e) => e.t === ms * 1_000_000).map((e) => e.type);
  it('a raise with the enable (510) off sets no INTx Status', () => {
    expect(at(1)).toEqual(['device.enable']);
    expect(at(2)).toEqual(['device.raise']);
  });
  it('with Interrupt Disable set, INTx Status shows 1 but the pin stays 0', () => {
    expect(at(3)).toEqual(['device.intx-disable']);
    expect(at(4)).toEqual(['device.enable', 'device.status']);
  });
  it('clearing Interrupt Disable drives the pin, the line, and a delivery', () => {
    expect(at(5)).toEqual([
      'device.intx-disable',
      'device.pin',
      'line.level',
      'ioapic.deliver',
      'ioapic.remote-irr',
    ]);
    expect(ofType(events, 'device.service')).toHaveLength(1);
  });
});

describe('A pre-2.3 device on a shared line', () => {
  const { events, summary } = run(presetScenario('legacy-device'));
  it('its owner vm3 receives every delivery under a line mask', () => {
    expect(summary.entities.vm3!.interrupts).toBe(4);
    expect(ofType(events, 'host.config-read').filter((r) => r.status === null)).toHaveLength(4);
    expect(ofType(events, 'ioapic.mask').map((m) => m.value)).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });
  it('costs 4 + 3 = 7 switches (owners, plus vm3 for the three raises it does not own)', () => {
    expect(summary.totals.contextSwitches).toBe(4 + 3);
    expect(summary.totals.spurious).toBe(3);
  });
});

describe('Edge-triggered sharing', () => {
  const { events, summary } = run(presetScenario('edge-loss'));
  it('loses the second assertion on the edge line and keeps it on the level line', () => {
    expect(ofType(events, 'line.no-edge').map((e) => e.device)).toEqual(['b-edge']);
    expect(summary.devices['b-edge']!.lost).toBe(1);
    expect(summary.devices['b-level']!.lost).toBe(0);
    expect(summary.totals.lost).toBe(1);
  });
});

describe('Threads instead of VMs', () => {
  it('pay a wake-up instead of a world switch: busy time shrinks by 4 x (1500 - 400)', () => {
    const threads = run(presetScenario('threads')).summary;
    const vms = run(presetScenario('fig4-selective')).summary;
    expect(vms.totals.busyNs - threads.totals.busyNs).toBe(
      4 * (C.contextSwitchNs - C.threadWakeNs),
    );
  });
});

describe('Interrupt storm with the nobody-cared detector', () => {
  const { events, summary } = run(presetScenario('storm'));
  it('disables the line after 999 of 1000 unhandled interrupts, for every device on it', () => {
    const nc = ofType(events, 'line.nobody-cared');
    expect(nc).toHaveLength(1);
    expect(nc[0]).toMatchObject({ line: 'INTA', unhandled: 1000, window: 1000 });
    expect(summary.totals.deliveries).toBe(1000);
    expect(summary.devices.nic0!.lost).toBe(1);
    expect(summary.devices.stuck0!.lost).toBe(1);
  });
});

describe('Scale: 32 VMs, 16 devices, chains of 3, one raise per device', () => {
  it('broadcast: 16 x 32 = 512 switches, 16 x 31 = 496 spurious, 16 x 32 x 3 = 1536 ISR calls', () => {
    const t = run(presetScenario('scale-32-vms')).summary.totals;
    expect([t.contextSwitches, t.spurious, t.isrCalls]).toEqual([16 * 32, 16 * 31, 16 * 32 * 3]);
  });
  it('selective: 16 switches, 0 spurious, 16 x 3 ISR calls, 16 x (16 + 1) Status reads', () => {
    const t = run(presetScenario('scale-32-vms', { policy: 'selective' })).summary.totals;
    expect([t.contextSwitches, t.spurious, t.isrCalls, t.configReads]).toEqual([
      16,
      0,
      48,
      16 * 17,
    ]);
  });
});
