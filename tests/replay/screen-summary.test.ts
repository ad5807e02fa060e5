import { describe, expect, it } from 'vitest';
import { screenSummary } from '../../src/replay/screen-summary';
import { loadedStore } from '../store/make-store';

describe('screen summary', () => {
  it('says the machine, the step, the line, Remote IRR, who runs and the Figure 6 box', async () => {
    const store = await loadedStore('fig3-broadcast');
    const at = async (cursor: number) => {
      await store.getState().seek(cursor);
      const s = store.getState();
      return screenSummary(s.frame!.view, s.scenario!, {
        cursor: s.frame!.cursor,
        eventCount: s.run!.eventCount,
        presetName: s.presetName,
      });
    };
    expect(await at(0)).toBe(
      'fig3-broadcast, broadcast policy: 3 devices on 1 line, 3 VMs. ' +
        'Step 0 of 165: nothing has happened yet. Line INTA low, Remote IRR 0. ' +
        'No device asserts its pin. No VM is handling an interrupt. Figure 6: no box lit.',
    );
    // The first isr.call: vm1 is walking its chain while nic0 asserts.
    const events = await store.getState().fetchEvents(0, 165);
    const call = events.findIndex((e) => e.type === 'isr.call');
    const text = await at(call + 1);
    expect(text).toMatch(/Line INTA high, Remote IRR 0, masked\./);
    expect(text).toMatch(/Asserting: nic0\./);
    expect(text).toMatch(/Running: vm1 in vm1-timer/);
    expect(text).toMatch(/Figure 6: box 640, Every VM walks\.$/);
  });
});
