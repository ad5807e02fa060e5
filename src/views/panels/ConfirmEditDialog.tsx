import { useRef, type KeyboardEvent } from 'react';
import type { Stimulus } from '../../engine/scenario';
import { selectPendingEdit, useAppStore, useAppStoreApi } from '../../store';
import { formatMicros } from './format';
import { useDialogFocus } from '../dialog/useDialogFocus';

/** What the edit does, in words. */
export function describeStimulus(st: Stimulus): string {
  switch (st.action) {
    case 'raise':
      return `raise an interrupt on ${st.device}`;
    case 'withdraw':
      return `withdraw ${st.device}'s interrupt`;
    case 'set-enable':
      return `set ${st.device}'s interrupt enable to ${st.value ?? 1}`;
    case 'set-intx-disable':
      return `set ${st.device}'s Interrupt Disable to ${st.value ?? 0}`;
  }
}

/**
 * Asks before an edit at a past cursor, because the recorded future after it
 * will be thrown away and recomputed. In the page, not window.confirm, so it
 * can be read, styled and tested like the rest.
 */
export function ConfirmEditDialog() {
  const store = useAppStoreApi();
  const pending = useAppStore(selectPendingEdit);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useDialogFocus(dialogRef, pending !== null, confirmRef);

  if (!pending) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      store.getState().cancelEdit();
    }
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-edit-title"
        aria-describedby="confirm-edit-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-edit-title">The future after this point will be recomputed</h2>
        <p id="confirm-edit-text">
          You are at step {pending.cursor} ({formatMicros(pending.t)}). To{' '}
          {describeStimulus(pending.stimulus)} here, every event after this point is simulated
          again.
        </p>
        <div className="button-row end">
          <button type="button" onClick={() => store.getState().cancelEdit()}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            ref={confirmRef}
            onClick={() => void store.getState().confirmEdit()}
          >
            Recompute
          </button>
        </div>
      </div>
    </div>
  );
}
