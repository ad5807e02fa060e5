import { useRef } from 'react';
import { TERMS } from '../../glossary';
import './terms.css';

/**
 * The glossary: every term on screen with its definition, in a modal dialog
 * (the browser's own <dialog>: focus stays inside, Escape closes it, focus
 * returns to the button).
 */
export function GlossaryButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        title="What every term on screen means"
        onClick={() => dialog.current?.showModal()}
      >
        Glossary
      </button>
      <dialog ref={dialog} className="glossary-dialog" aria-labelledby="glossary-title">
        <header>
          <h2 id="glossary-title">Glossary</h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        <dl>
          {TERMS.map((t) => (
            <div key={t.id} data-entry={t.id}>
              <dt>{t.term}</dt>
              <dd>{t.definition}</dd>
            </div>
          ))}
        </dl>
      </dialog>
    </>
  );
}
