import { useShallow } from 'zustand/react/shallow';
import {
  selectCancelRun,
  selectLoading,
  selectRunProgress,
  selectStatus,
  useAppStore,
} from '../../store';
import { formatMicros } from './format';

/** Where we are: simulated time, step, and the costs counted so far. */
export function StatusLine() {
  const status = useAppStore(useShallow(selectStatus));
  const loading = useAppStore(selectLoading);
  const progress = useAppStore(selectRunProgress);
  const cancel = useAppStore(selectCancelRun);
  return (
    <div className="status-line" data-testid="status">
      <span>
        t = <strong data-testid="time-status">{formatMicros(status.t)}</strong>
      </span>
      <span>
        Step{' '}
        <strong data-testid="cursor-status">
          {status.cursor} / {status.eventCount}
        </strong>
      </span>
      <span>
        Spurious <strong data-testid="spurious-status">{status.spurious}</strong>
      </span>
      <span>
        Context switches{' '}
        <strong data-testid="context-switches-status">{status.contextSwitches}</strong>
      </span>
      {loading ? <span className="busy">Recomputing…</span> : null}
      {loading && progress !== null ? (
        // A long run: how far it has come against its maxEvents, and a way out.
        <span className="run-progress" data-testid="run-progress">
          <progress max={1} value={progress} aria-label="Run progress" />{' '}
          {Math.round(progress * 100)}% of maxEvents
          {cancel ? (
            <button type="button" onClick={cancel}>
              Cancel run
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
