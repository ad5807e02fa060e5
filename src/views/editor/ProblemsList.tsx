import type { Validation } from '../../editor';
import { fieldId } from './paths';

/** Focuses the field a message is about, when it is on screen. */
function focusField(path: string): void {
  // The closest rendered field: `$.devices[0].owners[1]` falls back to `$.devices[0].owners`...
  let probe = path;
  for (;;) {
    const el =
      document.getElementById(fieldId(probe)) ?? document.getElementById(`${fieldId(probe)}-msg`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      if (typeof (el as HTMLElement).focus === 'function') (el as HTMLElement).focus();
      return;
    }
    const cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
    if (cut <= 0) return;
    probe = probe.slice(0, cut);
  }
}

/** Every message at a glance, each a link to its field. */
export function ProblemsList({ validation }: { validation: Validation }) {
  const { messages } = validation;
  if (messages.length === 0) return null;
  const errors = messages.filter((m) => m.severity === 'error').length;
  const notes = messages.length - errors;
  return (
    <details className="ed-problems" open={errors > 0}>
      <summary>
        {errors} error{errors === 1 ? '' : 's'}, {notes} note{notes === 1 ? '' : 's'}
      </summary>
      <ul>
        {messages.map((m, i) => (
          <li key={i} className={`ed-msg ${m.severity}`}>
            <button type="button" className="ed-link" onClick={() => focusField(m.path)}>
              {m.path}
            </button>{' '}
            {m.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
