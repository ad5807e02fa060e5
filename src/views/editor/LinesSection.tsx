import type { Trigger } from '../../engine/scenario';
import { idProblem } from '../../editor';
import { SelectField, type Option } from './fields/ChoiceFields';
import { TextField } from './fields/TextField';
import { selectDraft, useApply, useEditor } from './editor-store';
import { p } from './paths';
import { Section } from './Section';

const TRIGGERS: readonly Option<Trigger>[] = [
  { value: 'level', label: 'Level (shareable)' },
  { value: 'edge', label: 'Edge (loses shared raises)' },
];

/** The host interrupt lines and their trigger mode. */
export function LinesSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  return (
    <Section
      title="Lines"
      id="ed-lines"
      path={p('lines')}
      actions={
        <button type="button" onClick={() => apply({ type: 'addLine' })}>
          Add line
        </button>
      }
    >
      <ul className="ed-rows">
        {draft.lines.map((line, i) => {
          const used = draft.devices.filter((d) => d.line === line.id).length;
          return (
            <li key={i} className="ed-row">
              <TextField
                label="Line"
                path={p('lines', i, 'id')}
                value={line.id}
                onCommit={(id) => {
                  const taken = draft.lines.map((l) => l.id).filter((_, j) => j !== i);
                  const problem = idProblem(id, taken, 'line');
                  if (!problem) apply({ type: 'renameLine', line: i, id });
                  return problem;
                }}
              />
              <SelectField
                label="Trigger"
                path={p('lines', i, 'trigger')}
                value={line.trigger}
                options={TRIGGERS}
                onChange={(trigger) => apply({ type: 'setLineTrigger', line: i, trigger })}
              />
              <span className="muted">
                {used} device{used === 1 ? '' : 's'}
              </span>
              <button
                type="button"
                disabled={used > 0}
                title={used > 0 ? 'Move or remove its devices first' : undefined}
                aria-label={`Remove line ${line.id}`}
                onClick={() => apply({ type: 'removeLine', line: i })}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
