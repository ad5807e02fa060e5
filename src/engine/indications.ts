import type { EngineState, Indication } from './state';

/**
 * Indications in flight, by id. An id is free again once its indication is
 * dropped (nothing refers to a dropped id: the entity has taken it off its
 * queue, and its EOI was the last use), so the table stays as small as the
 * most indications ever in flight at once and is a dense array.
 */
export function addIndication(s: EngineState, ind: Indication): number {
  const id = s.freeIndications.pop();
  if (id === undefined) return s.indications.push(ind) - 1;
  s.indications[id] = ind;
  return id;
}

/**
 * An indication that reaches `entity` from no host: the native OS's delivery, or a poll
 * (`poll`: a `poll_spurious_irqs` pass, the OS's or a guest's own) of line `line`. Its
 * entity walks its whole chain for the line. Returns its id.
 */
export function directIndication(
  s: EngineState,
  entity: number,
  line: number,
  poll: boolean,
): number {
  return addIndication(s, {
    entity,
    line,
    devices: [],
    carried: null,
    lineMask: false,
    direct: true,
    msi: false,
    poll,
    xenGen: null,
  });
}

export function dropIndication(s: EngineState, id: number): void {
  s.indications[id] = null;
  s.freeIndications.push(id);
}
