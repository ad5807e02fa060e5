import { useAppStore, useAppStoreApi } from '../../store';
import { selectImportErrors } from './selectors';

/** Problems listed in full up to this many; the rest are counted. */
const SHOWN = 12;

/** Why a file was refused: the file, then one line per JSON path and problem. */
export function ImportErrors() {
  const store = useAppStoreApi();
  const errors = useAppStore(selectImportErrors);
  if (!errors || errors.length === 0) return null;
  const files = [...new Set(errors.map((e) => e.file))];
  const more = errors.length - SHOWN;
  return (
    <div className="banner error import-errors" role="alert" data-testid="import-errors">
      <div>
        <p className="import-errors__title">
          Could not open <strong>{files.join(', ')}</strong>; nothing was changed.
        </p>
        <ul className="import-errors__list">
          {errors.slice(0, SHOWN).map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
          {more > 0 ? <li>…and {more} more</li> : null}
        </ul>
      </div>
      <button
        type="button"
        aria-label="Dismiss file problems"
        onClick={() => store.getState().dismissImportErrors()}
      >
        ×
      </button>
    </div>
  );
}
