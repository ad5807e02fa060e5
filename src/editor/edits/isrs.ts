import { freshId, isrIds, type Draft } from '../draft';
import { idProblem } from '../ids';
import type { EntitySpec, IsrSpec } from '../../engine/scenario';
import type { HandlersFor } from './handlers';
import { removeAt, replaceAt } from './lists';

/** `draft` with an ISR for `device` at the end of entity `entity`'s chain. */
export function withDriverIsr(draft: Draft, entity: number, device: string): Draft {
  const e = draft.entities[entity];
  if (!e) return draft;
  const isr = { id: freshId(`${e.id}-${device}`, isrIds(draft)), device, flushPostedWrites: false };
  return {
    ...draft,
    entities: replaceAt(draft.entities, entity, { ...e, isrs: [...e.isrs, isr] }),
  };
}

/** `draft` with entity `entity`'s chain replaced by `isrs`. */
function withChain(draft: Draft, entity: number, e: EntitySpec, isrs: IsrSpec[]): Draft {
  return { ...draft, entities: replaceAt(draft.entities, entity, { ...e, isrs }) };
}

/** `draft` with ISR `isr` of entity `entity` changed by `change`; the same draft if either is missing. */
function changeIsr(
  draft: Draft,
  entity: number,
  isr: number,
  change: (isr: IsrSpec) => IsrSpec,
): Draft {
  const e = draft.entities[entity];
  const current = e?.isrs[isr];
  if (!e || !current) return draft;
  return withChain(draft, entity, e, replaceAt(e.isrs, isr, change(current)));
}

/** ISR chains: ids are unique across every entity, and an ISR moves only within its chain. */
export const ISR_EDITS: HandlersFor<
  'addIsr' | 'removeIsr' | 'renameIsr' | 'setIsrDevice' | 'setIsrFlush' | 'moveIsr'
> = {
  addIsr(draft, op) {
    const entity = draft.entities[op.entity];
    if (!entity) return draft;
    const id = freshId(`${entity.id}-${op.device ?? 'other'}`, isrIds(draft));
    const isr = { id, device: op.device, flushPostedWrites: false };
    return withChain(draft, op.entity, entity, [...entity.isrs, isr]);
  },
  removeIsr(draft, op) {
    const entity = draft.entities[op.entity];
    if (!entity?.isrs[op.isr]) return draft;
    return withChain(draft, op.entity, entity, removeAt(entity.isrs, op.isr));
  },
  renameIsr(draft, op) {
    const entity = draft.entities[op.entity];
    const isr = entity?.isrs[op.isr];
    if (!entity || !isr || isr.id === op.id) return draft;
    const taken = isrIds(draft).filter((id) => id !== isr.id);
    if (idProblem(op.id, taken, 'ISR')) return draft;
    return withChain(
      draft,
      op.entity,
      entity,
      replaceAt(entity.isrs, op.isr, { ...isr, id: op.id }),
    );
  },
  setIsrDevice: (draft, op) =>
    changeIsr(draft, op.entity, op.isr, (isr) => ({ ...isr, device: op.device })),
  setIsrFlush: (draft, op) =>
    changeIsr(draft, op.entity, op.isr, (isr) => ({ ...isr, flushPostedWrites: op.flush })),
  moveIsr(draft, op) {
    const entity = draft.entities[op.entity];
    const isr = entity?.isrs[op.from];
    if (!entity || !isr || op.from === op.to || op.to < 0 || op.to >= entity.isrs.length) {
      return draft;
    }
    const isrs = removeAt(entity.isrs, op.from);
    isrs.splice(op.to, 0, isr);
    return withChain(draft, op.entity, entity, isrs);
  },
};
