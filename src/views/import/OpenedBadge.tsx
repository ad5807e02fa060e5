import { selectRun, selectScenario, useAppStore, useAppStoreApi } from '../../store';
import { RerunResult } from './RerunResult';
import { selectOpened, selectOriginal, selectRerun } from './selectors';

/**
 * What was opened, while it is still what the page shows: an imported trace
 * (replayed as recorded, with "Re-run with this engine") or a scenario file,
 * and the notes of any upgrade of an older file.
 */
export function OpenedBadge() {
  const store = useAppStoreApi();
  const opened = useAppStore(selectOpened);
  const run = useAppStore(selectRun);
  const scenario = useAppStore(selectScenario);
  const original = useAppStore(selectOriginal);
  const rerun = useAppStore(selectRerun);
  if (!opened || original !== opened.scenario) return null;
  const trace = opened.kind === 'trace' && run?.imported === true && scenario === opened.scenario;
  const check = rerun && rerun.run === run ? rerun.check : undefined;
  return (
    <div className="banner notice opened-badge" role="status" data-testid="opened-badge">
      <div className="opened-badge__body">
        <p>
          {trace ? (
            <>
              <span className="badge">Imported trace</span> <strong>{opened.file}</strong>, recorded
              by {opened.engine}: replayed as recorded, not simulated.
            </>
          ) : opened.origin === 'link' ? (
            <>
              <span className="badge">Opened scenario</span> from a <strong>share link</strong>
            </>
          ) : opened.origin === 'saved' ? (
            <>
              <span className="badge">Restored work</span> saved in this browser
            </>
          ) : (
            <>
              <span className="badge">Opened scenario</span> <strong>{opened.file}</strong>
            </>
          )}
        </p>
        {opened.migrationNotes.length > 0 ? (
          <ul
            className="opened-badge__notes"
            aria-label="Notes about this file: upgrades applied and fields ignored"
          >
            {opened.migrationNotes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : null}
        {trace && check ? <RerunResult check={check} /> : null}
      </div>
      <div className="button-row">
        {trace ? (
          <button
            type="button"
            disabled={check === null}
            onClick={() => void store.getState().checkRerun()}
          >
            {check === null ? 'Re-running…' : 'Re-run with this engine'}
          </button>
        ) : null}
        <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissOpened()}>
          ×
        </button>
      </div>
    </div>
  );
}
