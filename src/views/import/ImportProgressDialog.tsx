import { useAppStore } from '../../store';
import { selectImportProgress } from './selectors';
import { percent, STAGE_LABELS } from './stages';

/** While a file is read in the worker: its name, the stage and how far it is. */
export function ImportProgressDialog() {
  const progress = useAppStore(selectImportProgress);
  if (!progress) return null;
  const label = STAGE_LABELS[progress.stage];
  return (
    <div className="dialog-backdrop import-progress-backdrop">
      <div
        className="dialog import-progress"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-progress-title"
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
      </div>
    </div>
  );
}
