import type { RerunCheck } from '../../protocol/api';
import { useAppStoreApi } from '../../store';

const count = (n: number) => n.toLocaleString('en-US');

/** The verdict of "Re-run with this engine": identical, or where and how much it differs. */
export function RerunResult({ check }: { check: RerunCheck }) {
  const store = useAppStoreApi();
  const { firstDifference, differing, recordedEvents, rerunEvents } = check;
  if (firstDifference === null) {
    return (
      <p className="rerun-result same" role="status" data-testid="rerun-result">
        Identical: this engine produces the same {count(recordedEvents)} events.
      </p>
    );
  }
  return (
    <div className="rerun-result differs" role="status" data-testid="rerun-result">
      <p>
        Differs from event #{firstDifference}: {count(differing)} of{' '}
        {count(Math.max(recordedEvents, rerunEvents))} events differ (recorded{' '}
        {count(recordedEvents)}, re-run {count(rerunEvents)}).
      </p>
      <div className="button-row">
        <button
          type="button"
          disabled={firstDifference >= recordedEvents}
          onClick={() => void store.getState().seek(firstDifference + 1)}
        >
          Go to event #{firstDifference}
        </button>
        <button type="button" onClick={() => void store.getState().showRerun()}>
          Show this engine&apos;s run
        </button>
      </div>
    </div>
  );
}
