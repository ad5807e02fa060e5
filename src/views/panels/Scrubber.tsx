import { useId, type ChangeEvent } from 'react';
import {
  selectBreakpointCursors,
  selectCursor,
  selectCursorLimit,
  selectEventCount,
  selectInterruptCursors,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import { limitSentence, ScrubberLimit, scrubberValueText } from '../learn/ScrubberLimit';
import { ScrubberTicks } from './ScrubberTicks';

const NO_MARKERS: readonly number[] = [];

/**
 * The cursor over the whole run, with a tick at every controller delivery
 * and, in a lesson, where its open question stops the player.
 */
export function Scrubber() {
  const store = useAppStoreApi();
  const cursor = useAppStore(selectCursor);
  const eventCount = useAppStore(selectEventCount);
  const markers = useAppStore(selectInterruptCursors) ?? NO_MARKERS;
  const breaks = useAppStore(selectBreakpointCursors);
  const limit = useAppStore(selectCursorLimit);
  const limitId = useId();
  const limited = limit !== null && limit < eventCount;
  const onChange = (e: ChangeEvent<HTMLInputElement>) =>
    void store.getState().seek(Number(e.target.value));
  return (
    <div className="scrubber">
      <input
        type="range"
        aria-label="Cursor"
        aria-valuetext={scrubberValueText(cursor, eventCount, limit)}
        aria-describedby={limited ? limitId : undefined}
        title={limited ? limitSentence(limit) : undefined}
        min={0}
        max={eventCount}
        step={1}
        value={cursor}
        disabled={eventCount === 0}
        onChange={onChange}
      />
      <ScrubberTicks markers={markers} eventCount={eventCount} breaks={breaks} />
      <ScrubberLimit limit={limit} eventCount={eventCount} labelId={limitId} />
    </div>
  );
}
