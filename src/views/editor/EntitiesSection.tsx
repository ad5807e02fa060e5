import { selectDraft, useApply, useEditor } from './editor-store';
import { EntityCard } from './EntityCard';
import { p } from './paths';
import { Section } from './Section';

/** The VMs (or threads) and their ISR chains. */
export function EntitiesSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  const noun = draft.entityKind === 'thread' ? 'thread' : 'VM';
  return (
    <Section
      title={draft.entityKind === 'thread' ? 'Threads' : 'Virtual machines'}
      id="ed-entities"
      path={p('entities')}
      actions={
        <button type="button" onClick={() => apply({ type: 'addEntity' })}>
          Add {noun}
        </button>
      }
    >
      <ul className="ed-cards">
        {draft.entities.map((entity, i) => (
          <EntityCard key={i} draft={draft} entity={entity} index={i} />
        ))}
      </ul>
    </Section>
  );
}
