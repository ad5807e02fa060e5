import type { Lanes } from '../replay/lanes';

/**
 * The lanes as the worker sends them: the same groups with every lane's time and
 * value arrays copied, and the copies' buffers, to hand over (transfer) rather than
 * clone. A 100 MB trace's lanes hold about 10 MB of arrays; cloned, the page read
 * them back in one task of 40 ms and more, just after the first draw. Copied here,
 * the session keeps its own for the next time it is asked.
 */
export function lanesToSend(lanes: Lanes): { lanes: Lanes; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const copy = (a: Float64Array): Float64Array => {
    const out = a.slice();
    buffers.push(out.buffer);
    return out;
  };
  const groups = lanes.groups.map((g) => ({
    ...g,
    lanes: g.lanes.map((l) => ({ ...l, times: copy(l.times), values: copy(l.values) })),
  }));
  return { lanes: { ...lanes, groups }, buffers };
}
