import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { Lane, LaneGroup } from '../../../src/replay/lanes';
import { laneKeyAction, type LaneKey } from '../../../src/views/timeline/lane-keys';
import { readoutText } from '../../../src/views/timeline/readout';
import type { Row } from '../../../src/views/timeline/rows';

const plain: LaneKey = { key: '', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false };

/** The calls a key's action makes on the zoom, as text. */
function callsFor(event: Partial<LaneKey>, anchor?: number): string[] | null {
  const calls: string[] = [];
  const zoom = {
    panBy: (px: number) => void calls.push(`pan ${px}`),
    zoomBy: (factor: number, atX?: number) => void calls.push(`zoom ${factor} at ${atX}`),
    fit: () => void calls.push('fit'),
  };
  const action = laneKeyAction({ ...plain, ...event }, zoom, 800, anchor);
  if (!action) return null;
  action();
  return calls;
}

describe('laneKeyAction', () => {
  it('pans a tenth of the width per arrow and zooms about the anchor', () => {
    expect(callsFor({ key: 'ArrowLeft' })).toEqual(['pan -80']);
    expect(callsFor({ key: 'ArrowRight' })).toEqual(['pan 80']);
    expect(callsFor({ key: '+' }, 120)).toEqual(['zoom 2 at 120']);
    expect(callsFor({ key: '=' }, 120)).toEqual(['zoom 2 at 120']);
    expect(callsFor({ key: '-' })).toEqual(['zoom 0.5 at undefined']);
    expect(callsFor({ key: '0' })).toEqual(['fit']);
  });

  it('leaves browser zoom, Shift + arrows and other keys to the page', () => {
    expect(callsFor({ key: '+', ctrlKey: true })).toBeNull();
    expect(callsFor({ key: '0', metaKey: true })).toBeNull();
    expect(callsFor({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(callsFor({ key: 'ArrowRight', shiftKey: true })).toBeNull();
    expect(callsFor({ key: ' ' })).toBeNull();
  });
});

describe('readoutText', () => {
  // The line's level: 0 from 0 ns, 1 from 1,000 ns.
  const lane: Lane = {
    key: 'line:INTA:level',
    scope: 'line',
    owner: 'INTA',
    name: 'level',
    label: 'level',
    patent: null,
    description: '',
    kind: 'bit',
    times: new Float64Array([0, 1000]),
    values: new Float64Array([0, 1]),
  };
  const group = { key: 'line:INTA', title: 'Line INTA', lanes: [lane] } as unknown as LaneGroup;
  const rows: Row[] = [
    { key: 'g', kind: 'group', group, lane: null, y: 0, height: 24 },
    { key: 'l', kind: 'lane', group, lane, y: 24, height: 22 },
  ];
  const scale = scaleLinear().domain([0, 2000]).range([0, 200]);

  it("names the hovered lane's value at the pointer's time", () => {
    expect(readoutText({ t: 1500.7, row: 1 }, rows, scale, 0)).toBe(
      '1,500 ns · Line INTA level = 1',
    );
    expect(readoutText({ t: 999, row: 1 }, rows, scale, 0)).toBe('999 ns · Line INTA level = 0');
  });

  it('gives only the time over an expanded group header, and the cursor when not hovering', () => {
    expect(readoutText({ t: -5, row: 0 }, rows, scale, 0)).toBe('0 ns');
    expect(readoutText(null, rows, scale, 12_345)).toBe('cursor 12,345 ns');
  });
});
