import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/engine/events';
import { subjectNode } from '../../../src/views/graph/subject';

const noGroups = () => null;
const at = { seq: 0, t: 0 };

describe('subjectNode', () => {
  it('names the node an event is shown in', () => {
    const cases: [TraceEvent, string | null][] = [
      [{ ...at, type: 'isr.call', entity: 'vm2', isr: 'vm2-kbd', claimed: false }, 'entity:vm2'],
      [{ ...at, type: 'entity.spurious', entity: 'vm3' }, 'entity:vm3'],
      [{ ...at, type: 'device.status', device: 'nic0', value: 1 }, 'device:nic0'],
      [{ ...at, type: 'line.level', line: 'INTA', value: 1, device: 'nic0' }, 'line:INTA'],
      [{ ...at, type: 'ioapic.remote-irr', line: 'INTA', value: 0 }, 'controller'],
      [{ ...at, type: 'run.end', reason: 'idle' }, null],
    ] as [TraceEvent, string | null][];
    for (const [ev, node] of cases) expect(subjectNode(ev, noGroups), ev.type).toBe(node);
  });

  it("names an entity drawn in a group by its group's node", () => {
    const ev = { ...at, type: 'entity.enter', entity: 'vm17', switch: true, carried: null };
    expect(subjectNode(ev as TraceEvent, (e) => (e === 'vm17' ? 'entity-group:g1' : null))).toBe(
      'entity-group:g1',
    );
  });
});
