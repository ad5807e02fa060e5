import { useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { useDialogFocus } from '../dialog/useDialogFocus';
import { selectCanCancelImport, selectImportProgress } from './selectors';
import { percent, STAGE_LABELS } from './stages';

/**
 * While a file is read in the worker: its name, the stage and how far it is.
 * Modal: focus stays in it, and Cancel (or Escape) stops the reading when the
 * simulation can be restarted; focus then returns to the control that opened the file.
 */
export function ImportProgressDialog() {
  const store = useAppStoreApi();
  const progress = useAppStore(selectImportProgress);
  const canCancel = useAppStore(selectCanCancelImport);
  const ref = useRef<HTMLDivElement>(null);
  const cancel = () => void store.getState().cancelImport();
  useDialogFocus(ref, progress !== null, undefined, canCancel ? cancel : undefined);
  if (!progress) return null;
  const label = STAGE_LABELS[progress.stage];
  return (
    <div className="dialog-backdrop import-progress-backdrop">
      <div
        ref={ref}
        className="dialog import-progress"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-progress-title"
        tabIndex={-1}
        data-testid="import-progress"
      >
        <h2 id="import-progress-title">Opening {progress.file}</h2>
        <p>
          {label}… <strong>{percent(progress.fraction)}</strong>
        </p>
        <progress
          max={1}
          value={progress.fraction}
          aria-label={`${label}, ${percent(progress.fraction)}`}
        />
        {canCancel ? (
          <div className="button-row end">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
