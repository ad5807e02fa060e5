import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/engine/events';
import { SCHEMA_EVENT_TYPES } from '../../src/trace-io/event-schema';
import { parseTraceText } from '../../src/trace-io/parse';
import { serializeTrace } from '../../src/trace-io/serialize';
import { normalizeTrace, summarySchema, traceEventSchema } from '../../src/trace-io/trace-schema';
import { oneOfEachEvent, summaryFixture, traceDoc } from './fixtures';
import { messageAt, valueOf } from './helpers';

// Tests reach into documents by path to break them; typing every level would hide the intent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function traceWith(change: (doc: Doc) => void): Doc {
  const doc: Doc = traceDoc();
  change(doc);
  return doc;
}

describe('trace events', () => {
  it('has one schema per event type, in the order of EVENT_TYPES', () => {
    expect(SCHEMA_EVENT_TYPES).toEqual(EVENT_TYPES);
  });

  it('accepts one event of every type, unchanged', () => {
    for (const event of oneOfEachEvent()) {
      const parsed = traceEventSchema.safeParse(event);
      expect(parsed.success, event.type).toBe(true);
      expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(event));
    }
  });

  it('validates every field of an event', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.events[0].merged = 'no';
        d.events[4].value = 2;
        d.events[16].status = 1.5;
        delete d.events[18].reason;
        d.events[21].contextSwitch = 1;
      }),
    );
    expect(messageAt(result, '$.events[0].merged')).toBe('expected true or false, got "no"');
    expect(messageAt(result, '$.events[4].value')).toBe('expected one of 0, 1, got 2');
    expect(messageAt(result, '$.events[16].status')).toContain('got 1.5');
    expect(messageAt(result, '$.events[18].reason')).toContain('required field is missing');
    expect(messageAt(result, '$.events[21].contextSwitch')).toBe('expected true or false, got 1');
  });

  it('names an unknown event type', () => {
    const result = normalizeTrace(traceWith((d) => (d.events[3].type = 'device.explode')));
    expect(messageAt(result, '$.events[3].type')).toMatch(/^unknown event type "device.explode"/);
    const missing = normalizeTrace(traceWith((d) => delete d.events[3].type));
    expect(messageAt(missing, '$.events[3].type')).toContain('required field is missing');
  });
});

describe('trace order and references', () => {
  it('requires seq to equal the index and reports the first break', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.events[5].seq = 6;
        d.events[9].seq = 99;
      }),
    );
    expect(result.ok).toBe(false);
    expect(messageAt(result, '$.events[5].seq')).toBe(
      'must be 5 (events count from 0 without gaps), got 6',
    );
    expect(result.ok || result.errors.some((e) => e.path === '$.events[9].seq')).toBe(false);
  });

  it('requires t never to decrease and reports the first offending event', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.events[7].t = 10;
        d.events[12].t = 20;
      }),
    );
    expect(messageAt(result, '$.events[7].t')).toBe(
      'time must not go back: 10 after 1600 at $.events[6]',
    );
    expect(result.ok || result.errors.filter((e) => e.path.endsWith('.t')).length).toBe(1);
  });

  it('allows equal times', () => {
    const doc = traceWith((d) => {
      d.events.forEach((e: Doc) => (e.t = 5));
      // All at one instant: nobody is busy, nothing waits, the run lasts 5 ns.
      d.summary.totals.busyNs = 0;
      d.summary.totals.durationNs = 5;
      d.summary.entities.vm1.busyNs = 0;
      d.summary.devices.nic0.latencyNs = { min: 0, mean: 0, max: 0 };
    });
    expect(normalizeTrace(doc).ok).toBe(true);
  });

  it('requires events, ending with run.end', () => {
    expect(messageAt(normalizeTrace(traceWith((d) => (d.events = []))), '$.events')).toContain(
      'must not be empty',
    );
    const cut = normalizeTrace(traceWith((d) => d.events.pop()));
    expect(messageAt(cut, '$.events[25].type')).toBe(
      'the last event must be "run.end", got "entity.exit" (the trace looks cut short)',
    );
  });

  it('requires every id an event names to be in the scenario', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.events[0].device = 'nic9';
        d.events[6].isr = 'vm1-ghost';
        d.events[7].line = 'INTZ';
        d.events[18].devices = ['nic0', 'gone'];
        d.events[24].entity = 'vm3';
      }),
    );
    expect(messageAt(result, '$.events[0].device')).toBe(
      'unknown device "nic9": not in $.scenario',
    );
    expect(messageAt(result, '$.events[6].isr')).toBe('unknown isr "vm1-ghost": not in $.scenario');
    expect(messageAt(result, '$.events[7].line')).toBe('unknown line "INTZ": not in $.scenario');
    expect(messageAt(result, '$.events[18].devices[1]')).toContain('unknown device "gone"');
    expect(messageAt(result, '$.events[24].entity')).toContain('unknown entity "vm3"');
  });

  it('requires summary keys to be scenario ids', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.summary.entities['vm 9'] = d.summary.entities.vm1;
        d.summary.devices.nic7 = d.summary.devices.nic0;
      }),
    );
    expect(messageAt(result, '$.summary.entities["vm 9"]')).toContain('unknown entity "vm 9"');
    expect(messageAt(result, '$.summary.devices.nic7')).toContain('unknown device "nic7"');
  });
});

describe('trace summary', () => {
  it('accepts the summary and checks its numbers', () => {
    expect(summarySchema.safeParse(summaryFixture()).success).toBe(true);
    const result = normalizeTrace(
      traceWith((d) => {
        d.summary.totals.raised = -1;
        d.summary.devices.nic0.latencyNs.mean = 'fast';
        delete d.summary.totals.spurious;
      }),
    );
    expect(messageAt(result, '$.summary.totals.raised')).toBe('must be at least 0 (got -1)');
    expect(messageAt(result, '$.summary.devices.nic0.latencyNs.mean')).toBe(
      'expected a number, got "fast"',
    );
    expect(messageAt(result, '$.summary.totals.spurious')).toContain('required field is missing');
  });

  it('fills the fields added to the contract when an older summary lacks them', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        delete d.summary.totals.durationNs;
        delete d.summary.totals.withdrawn;
      }),
    );
    // Filled from the events (the run ends at t 3600), not with a default that would be wrong.
    expect(result.ok && result.value.summary.totals).toMatchObject({
      durationNs: 3600,
      withdrawn: 0,
    });
  });

  it('fills the host CPU totals that traces of older engines never had', () => {
    const full = normalizeTrace(traceWith(() => {}));
    const result = normalizeTrace(
      traceWith((d) => {
        delete d.summary.totals.hostCpuNs;
        delete d.summary.totals.cpuNs;
      }),
    );
    expect(full.ok && result.ok).toBe(true);
    if (!full.ok || !result.ok) return;
    expect(result.value.summary.totals.hostCpuNs).toBe(full.value.summary.totals.hostCpuNs);
    expect(result.value.summary.totals.cpuNs).toBe(full.value.summary.totals.cpuNs);
    expect(typeof result.value.summary.totals.hostCpuNs).toBe('number');
  });

  it('refuses a summary that the events deny, naming each value', () => {
    const result = normalizeTrace(
      traceWith((d) => {
        d.summary.totals.raised = 999;
        d.summary.entities.vm2.spurious = 0;
      }),
    );
    expect(messageAt(result, '$.summary.totals.raised')).toBe(
      'says 999, but the events give 1 (the summary is derived from the events)',
    );
    expect(messageAt(result, '$.summary.entities.vm2.spurious')).toMatch(
      /says 0, but the events give 1/,
    );
  });

  it('refuses a delivery or controller write by a stranger, and keys like __proto__', () => {
    for (const who of ['ghost-vm', '__proto__', 'constructor']) {
      const result = normalizeTrace(
        traceWith((d) => {
          d.events[10].to = who;
          d.events[13].by = who;
        }),
      );
      expect(messageAt(result, '$.events[10].to')).toMatch(
        /unknown actor .*expected "host" or an entity/,
      );
      expect(messageAt(result, '$.events[13].by')).toMatch(/unknown actor/);
    }
  });
});

describe('trace round trip', () => {
  it('fills the scenario defaults and re-serializes byte-identically', () => {
    const trace = valueOf(parseTraceText(JSON.stringify(traceDoc())));
    expect(trace.scenario.costs.eoiNs).toBe(100);
    const text = serializeTrace(trace);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    const again = valueOf(parseTraceText(text));
    expect(again).toEqual(trace);
    expect(serializeTrace(again)).toBe(text);
  });
});
