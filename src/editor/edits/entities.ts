import { freshId, type Draft } from '../draft';
import { idProblem } from '../ids';
import type { HandlersFor } from './handlers';
import { withDriverIsr } from './isrs';
import { removeAt, replaceAt } from './lists';

/** `draft` with every device nobody owns given to entity `entity` (id `id`), each with its ISR. */
function adoptOrphans(draft: Draft, entity: number, id: string): Draft {
  const orphans = draft.devices.filter((d) => d.owners.length === 0).map((d) => d.id);
  return orphans.reduce(
    (acc, device) =>
      withDriverIsr(
        { ...acc, devices: acc.devices.map((d) => (d.id === device ? { ...d, owners: [id] } : d)) },
        entity,
        device,
      ),
    draft,
  );
}

/** Entities (VMs or threads): removing or renaming one updates every device's owners. */
export const ENTITY_EDITS: HandlersFor<'addEntity' | 'removeEntity' | 'renameEntity'> = {
  addEntity(draft) {
    const prefix = draft.entityKind === 'thread' ? 'thread' : 'vm';
    const id = freshId(
      `${prefix}${draft.entities.length + 1}`,
      draft.entities.map((e) => e.id),
    );
    const next = { ...draft, entities: [...draft.entities, { id, isrs: [] }] };
    // The new entity adopts the devices nobody owns yet, with their ISRs.
    return adoptOrphans(next, next.entities.length - 1, id);
  },
  removeEntity(draft, op) {
    const entity = draft.entities[op.entity];
    if (!entity) return draft;
    return {
      ...draft,
      entities: removeAt(draft.entities, op.entity),
      devices: draft.devices.map((d) =>
        d.owners.includes(entity.id)
          ? { ...d, owners: d.owners.filter((o) => o !== entity.id) }
          : d,
      ),
    };
  },
  renameEntity(draft, op) {
    const entity = draft.entities[op.entity];
    const taken = draft.entities.map((e) => e.id).filter((_, i) => i !== op.entity);
    if (!entity || entity.id === op.id || idProblem(op.id, taken, 'entity')) return draft;
    return {
      ...draft,
      entities: replaceAt(draft.entities, op.entity, { ...entity, id: op.id }),
      devices: draft.devices.map((d) => ({
        ...d,
        owners: d.owners.map((o) => (o === entity.id ? op.id : o)),
      })),
    };
  },
};
