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

export function dropIndication(s: EngineState, id: number): void {
  s.indications[id] = null;
  s.freeIndications.push(id);
}
