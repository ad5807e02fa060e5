import { useRef, type KeyboardEvent } from 'react';
import { COMMANDS, shortcutsOf } from '../../commands';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { useDialogFocus } from '../dialog/useDialogFocus';

const selectOpen = (s: AppState) => s.keyboardHelp;

/** Keys that belong to one widget when it has focus, not to the page's registry. */
const FOCUSED_KEYS: readonly { where: string; keys: string }[] = [
  { where: 'Timeline lanes', keys: '← / → pan, + / − zoom, 0 whole run' },
  { where: 'Policy', keys: '↑ / ↓ change the policy' },
  { where: 'Editor', keys: 'Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (its own draft)' },
  { where: 'ISR chain handle (editor)', keys: 'Alt+↑ / Alt+↓ move the ISR' },
];

/**
 * Every command of the registry and its keys, generated from the registry so
 * the list cannot drift from what the keys do. Opened with "?".
 */
export function KeyboardHelp() {
  const store = useAppStoreApi();
  const open = useAppStore(selectOpen);
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useDialogFocus(ref, open, closeRef);
  if (!open) return null;
  const close = () => store.getState().setKeyboardHelp(false);
  const onKeyDown = (e: KeyboardEvent) => {
    // The page's shortcuts wait while the list is open; Escape and ? close it.
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === '?') {
      e.preventDefault();
      close();
    }
  };
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        className="dialog keyboard-help"
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="keyboard-help-title"
        data-testid="keyboard-help"
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Command</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {COMMANDS.map((c) => {
              const keys = [...new Set(shortcutsOf(c).map((s) => s.label))];
              return (
                <tr key={c.id} data-command={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>
                    {keys.length > 0
                      ? keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 ? ' or ' : null}
                            <kbd>{k}</kbd>
                          </span>
                        ))
                      : 'button only'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3>When a control has focus</h3>
        <ul>
          {FOCUSED_KEYS.map((f) => (
            <li key={f.where}>
              <strong>{f.where}:</strong> {f.keys}
            </li>
          ))}
        </ul>
        <div className="button-row end">
          <button type="button" ref={closeRef} onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
