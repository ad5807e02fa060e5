import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import { applyEvent, cloneView, initialView } from '../../src/replay/view-state';
import { findPreset } from '../../src/presets';
import { normalizeScenario } from '../../src/trace-io';

describe('ids from a file are not object keys of Object.prototype', () => {
  it('a delivery "to" __proto__ changes nothing outside the view, before or after a snapshot', () => {
    const parsed = normalizeScenario(findPreset('fig3-broadcast')!.file);
    if (!parsed.ok) throw new Error('preset');
    const ev = {
      seq: 0,
      t: 0,
      type: 'ioapic.deliver',
      line: 'INTA',
      to: '__proto__',
    } as TraceEvent;
    const view = initialView(parsed.value);
    applyEvent(view, ev);
    applyEvent(cloneView(view), ev);
    expect(({} as Record<string, unknown>)['interrupts']).toBeUndefined();
    expect(Object.keys(view.entities)).toEqual(['vm1', 'vm2', 'vm3']);
  });
});
