import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import { explain } from '../../src/replay/explain';
import { flowBox, narrate, withoutBoxPrefix } from '../../src/replay/narrate';
import { initialView } from '../../src/replay/view-state';
import { presetScenario } from '../engine/helpers';
import { loadedStore } from '../store/make-store';

/** Every (event, explanation) of a preset's run, folded by the simulation's own frames. */
async function explained(preset: string) {
  const store = await loadedStore(preset);
  const s = store.getState();
  const n = s.run!.eventCount;
  const events: TraceEvent[] = await s.fetchEvents(0, n);
  const out: { ev: TraceEvent; why: string | null }[] = [];
  for (let c = 1; c <= n; c++) {
    await store.getState().seek(c);
    const f = store.getState().frame!;
    out.push({ ev: events[c - 1]!, why: explain(f.event!, f.view, s.scenario!) });
  }
  return { out, store };
}

describe('explain: the cause at each key moment', () => {
  it('race-eoi: the pin fell but the line is still high, so the EOI re-delivers', async () => {
    const { out } = await explained('race-eoi');
    // Second raise (t = 2 ms): nic0's ISR services it at 2.0005 ms, the EOI at
    // 2.0016 ms finds the line still high (de-assert delay 3 µs), QEMU
    // `ioapic_eoi_broadcast()` delivers again at the EOI's instant.
    const re = out.filter((o) => o.ev.type === 'ioapic.deliver' && o.why);
    expect(re.length).toBeGreaterThan(0);
    expect(re[0]!.ev.t).toBe(1001600);
    expect(re[0]!.why).toMatch(
      /nic0's pin fell but the line is still high .*so the EOI re-delivers/,
    );
    // The first delivery of each raise is not a re-delivery.
    const first = out.find((o) => o.ev.type === 'ioapic.deliver');
    expect(first!.why).toBeNull();
    const spurious = out.find((o) => o.ev.type === 'entity.spurious');
    expect(spurious!.why).toMatch(/EOI race/);
  });

  it('storm: the device nobody services re-delivers at every EOI; the end says why', async () => {
    const { out } = await explained('storm');
    const re = out.find((o) => o.ev.type === 'ioapic.deliver' && o.why);
    expect(re!.why).toMatch(/stuck0 still asserts and no ISR .* services it.*interrupt storm/);
    // The patent's host polls nothing; Linux would (poll_spurious_irqs).
    const disabled = out.find((o) => o.ev.type === 'line.nobody-cared');
    expect(disabled!.why).toMatch(/Linux would then poll the line every 100 ms .*goes unserved/);
    const end = out.at(-1)!;
    expect(end.ev.type).toBe('run.end');
    // stuck0 has no owner; nic0 (raised at 20 ms) came after note_interrupt()
    // disabled INTA (1,000 of 1,000 unhandled, threshold 999).
    expect(end.why).toBe(
      'Left unserviced: nic0 (the nobody-cared detector disabled INTA for every device on it); ' +
        'stuck0 (nobody owns it, so no ISR services it, and the nobody-cared detector disabled INTA for every device on it).',
    );
  });

  it('edge-loss: the end names the device whose assert made no edge', async () => {
    const { out } = await explained('edge-loss');
    const noEdge = out.find((o) => o.ev.type === 'line.no-edge');
    expect(noEdge!.why).toMatch(/interrupt is lost/);
    const end = out.at(-1)!;
    const device = noEdge!.ev.type === 'line.no-edge' ? noEdge!.ev.device : '';
    expect(end.why).toContain(`${device} (`);
    expect(end.why).toMatch(/edge-triggered .* no edge, no interrupt/);
  });

  it('a run that serviced everything says so at the end', async () => {
    const { out } = await explained('fig4-selective');
    expect(out.at(-1)!.why).toBe('Every raise was serviced.');
  });

  it('broadcast: each spurious walk is a VM interrupted for a device it does not own', async () => {
    const { out } = await explained('fig3-broadcast');
    const spurious = out.filter((o) => o.ev.type === 'entity.spurious');
    expect(spurious).toHaveLength(8);
    for (const s of spurious) expect(s.why).toMatch(/^Broadcast: vm\d was interrupted/);
  });
});

describe('Figure 6 after the run', () => {
  it('lights no box once a selective run is over, and never 620 for the unmask check', async () => {
    const { store } = await explained('fig4-selective');
    await store.getState().last();
    expect(store.getState().frame!.view.flow).toBeNull();
  });
});

describe('withoutBoxPrefix', () => {
  it('drops the number the badge shows, once', () => {
    expect(withoutBoxPrefix('620: the host reads nic0', 620)).toBe('the host reads nic0');
    expect(withoutBoxPrefix('Line INTA goes low (nic0).', null)).toBe('Line INTA goes low (nic0).');
    const ev: TraceEvent = { seq: 0, t: 0, type: 'entity.eoi', entity: 'vm1' };
    expect(withoutBoxPrefix(narrate(ev), flowBox(ev))).toBe('vm1 signals end of interrupt.');
  });
});

describe('the nobody-cared explanation follows the host', () => {
  it('a Linux host (vfio) polls the disabled line: its devices are still served, slowly', () => {
    const scenario = presetScenario('storm', { host: 'vfio' });
    const ev: TraceEvent = {
      seq: 0,
      t: 0,
      type: 'line.nobody-cared',
      line: 'INTA',
      unhandled: 1000,
      window: 1000,
    };
    expect(explain(ev, initialView(scenario), scenario)).toMatch(
      /poll_spurious_irqs` calls the line's handlers every 100 ms, so its devices are still served/,
    );
  });
});
