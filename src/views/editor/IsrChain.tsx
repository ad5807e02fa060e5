import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { EntitySpec } from '../../engine/scenario';
import { idProblem, type Draft } from '../../editor';
import { useAnnounce } from './announcer';
import { CheckField, SelectField } from './fields/ChoiceFields';
import { FieldMessages } from './fields/FieldMessages';
import { TextField } from './fields/TextField';
import { useApply } from './editor-store';
import { p } from './paths';

/** The select's value for "an ISR of a device not on this physical line". */
const OTHER = '';

/**
 * One entity's ISR chain, in call order. Reorder by dragging a row, or by
 * keyboard: focus a row's handle and press Alt+ArrowUp / Alt+ArrowDown.
 */
export function IsrChain({
  draft,
  entity,
  index,
}: {
  draft: Draft;
  entity: EntitySpec;
  index: number;
}) {
  const apply = useApply();
  const announce = useAnnounce();
  const [dragged, setDragged] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const deviceOptions = [
    ...draft.devices.map((d) => ({ value: d.id, label: d.id })),
    { value: OTHER, label: 'not on this line' },
  ];

  const move = (from: number, to: number) => {
    const isr = entity.isrs[from];
    if (!isr || to < 0 || to >= entity.isrs.length || to === from) return;
    apply({ type: 'moveIsr', entity: index, from, to });
    announce(
      `${isr.id} moved to position ${to + 1} of ${entity.isrs.length} in ${entity.id}'s chain.`,
    );
  };

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.stopPropagation();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };
  const onDrop = (e: DragEvent, i: number) => {
    e.preventDefault();
    if (dragged !== null) move(dragged, i);
    setDragged(null);
    setTarget(null);
  };

  return (
    <ol className="ed-chain" aria-label={`ISR chain of ${entity.id}, in call order`}>
      {entity.isrs.map((isr, j) => (
        <li
          key={`${isr.id}#${entity.isrs.slice(0, j).filter((x) => x.id === isr.id).length}`}
          className={`ed-isr${dragged === j ? ' dragging' : ''}${target === j && dragged !== j ? ' drop-target' : ''}`}
          data-testid={`ed-isr-${isr.id}`}
          onDragOver={(e) => {
            e.preventDefault();
            setTarget(j);
          }}
          onDrop={(e) => onDrop(e, j)}
        >
          <button
            type="button"
            className="ed-handle"
            draggable
            aria-label={`Move ${isr.id}, position ${j + 1} of ${entity.isrs.length}. Alt+Up or Alt+Down moves it.`}
            title="Drag, or Alt+Up / Alt+Down"
            onKeyDown={(e) => onKeyDown(e, j)}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', isr.id);
              setDragged(j);
            }}
            onDragEnd={() => {
              setDragged(null);
              setTarget(null);
            }}
          >
            <span aria-hidden="true">⠿ {j + 1}</span>
          </button>
          <TextField
            label="ISR"
            path={p('entities', index, 'isrs', j, 'id')}
            value={isr.id}
            onCommit={(id) => {
              const taken = draft.entities
                .flatMap((e) => e.isrs.map((x) => x.id))
                .filter((x) => x !== isr.id);
              const problem = idProblem(id, taken, 'ISR');
              if (!problem) apply({ type: 'renameIsr', entity: index, isr: j, id });
              return problem;
            }}
          />
          <SelectField
            label="Serves"
            path={p('entities', index, 'isrs', j, 'device')}
            value={isr.device ?? OTHER}
            options={
              isr.device !== null && !draft.devices.some((d) => d.id === isr.device)
                ? [...deviceOptions, { value: isr.device, label: `${isr.device} (unknown)` }]
                : deviceOptions
            }
            onChange={(v) =>
              apply({ type: 'setIsrDevice', entity: index, isr: j, device: v === OTHER ? null : v })
            }
          />
          <CheckField
            label="Flush posted writes"
            path={p('entities', index, 'isrs', j, 'flushPostedWrites')}
            checked={isr.flushPostedWrites}
            onChange={(flush) => apply({ type: 'setIsrFlush', entity: index, isr: j, flush })}
          />
          <button
            type="button"
            aria-label={`Remove ISR ${isr.id}`}
            onClick={() => apply({ type: 'removeIsr', entity: index, isr: j })}
          >
            Remove
          </button>
          <FieldMessages path={p('entities', index, 'isrs', j)} />
        </li>
      ))}
    </ol>
  );
}
