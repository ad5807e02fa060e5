import { useState } from 'react';
import type { EntitySpec } from '../../engine/scenario';
import { idProblem, type Draft } from '../../editor';
import { FieldMessages } from './fields/FieldMessages';
import { TextField } from './fields/TextField';
import { useApply } from './editor-store';
import { IsrChain } from './IsrChain';
import { p, fieldId } from './paths';

const OTHER = '';

/** One VM or thread: its name and its ISR chain. */
export function EntityCard({
  draft,
  entity,
  index,
}: {
  draft: Draft;
  entity: EntitySpec;
  index: number;
}) {
  const apply = useApply();
  const owned = draft.devices.find((d) => d.owners.includes(entity.id))?.id;
  const [pick, setPick] = useState<string | null>(null);
  const chosen = pick ?? owned ?? draft.devices[0]?.id ?? OTHER;
  const pickId = fieldId(p('entities', index, 'add'));
  return (
    <li className="ed-card" data-testid={`ed-entity-${entity.id}`}>
      <div className="ed-card-head">
        <TextField
          label={draft.entityKind === 'thread' ? 'Thread' : 'VM'}
          path={p('entities', index, 'id')}
          value={entity.id}
          onCommit={(id) => {
            const taken = draft.entities.map((e) => e.id).filter((_, j) => j !== index);
            const problem = idProblem(id, taken, 'entity');
            if (!problem) apply({ type: 'renameEntity', entity: index, id });
            return problem;
          }}
        />
        <button
          type="button"
          aria-label={`Remove ${entity.id}`}
          onClick={() => apply({ type: 'removeEntity', entity: index })}
        >
          Remove
        </button>
      </div>
      <FieldMessages path={p('entities', index, 'isrs')} />
      <IsrChain draft={draft} entity={entity} index={index} />
      <div className="ed-add-isr">
        <label htmlFor={pickId}>New ISR for</label>
        <select id={pickId} value={chosen} onChange={(e) => setPick(e.target.value)}>
          {draft.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.id}
            </option>
          ))}
          <option value={OTHER}>a device not on this line</option>
        </select>
        <button
          type="button"
          onClick={() =>
            apply({ type: 'addIsr', entity: index, device: chosen === OTHER ? null : chosen })
          }
        >
          Add ISR
        </button>
      </div>
    </li>
  );
}
