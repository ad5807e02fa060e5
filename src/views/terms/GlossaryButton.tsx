import { useRef, useState } from 'react';
import { TERMS } from '../../glossary';
import { useDialogFocus } from '../dialog/useDialogFocus';
import './terms.css';

/**
 * The glossary: every term on screen with its definition, in the browser's
 * own modal <dialog> (the page behind is inert, Escape closes it) with the
 * page's dialog focus rule: Tab stays inside, focus returns to the button.
 */
export function GlossaryButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useDialogFocus(dialog, open);
  return (
    <>
      <button
        type="button"
        title="What every term on screen means"
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
      >
        Glossary
      </button>
      <dialog
        ref={dialog}
        className="glossary-dialog"
        aria-labelledby="glossary-title"
        onClose={() => setOpen(false)}
      >
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
