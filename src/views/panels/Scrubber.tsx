import { type ChangeEvent } from 'react';
import {
  selectBreakpointCursors,
  selectCursor,
  selectEventCount,
  selectInterruptCursors,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import { ScrubberTicks } from './ScrubberTicks';

const NO_MARKERS: readonly number[] = [];

/** The cursor over the whole run, with a tick at every controller delivery. */
export function Scrubber() {
  const store = useAppStoreApi();
  const cursor = useAppStore(selectCursor);
  const eventCount = useAppStore(selectEventCount);
  const markers = useAppStore(selectInterruptCursors) ?? NO_MARKERS;
  const breaks = useAppStore(selectBreakpointCursors);
  const onChange = (e: ChangeEvent<HTMLInputElement>) =>
    void store.getState().seek(Number(e.target.value));
  return (
    <div className="scrubber">
      <input
        type="range"
        aria-label="Cursor"
        aria-valuetext={`step ${cursor} of ${eventCount}`}
        min={0}
        max={eventCount}
        step={1}
        value={cursor}
        disabled={eventCount === 0}
        onChange={onChange}
      />
      <ScrubberTicks markers={markers} eventCount={eventCount} breaks={breaks} />
    </div>
  );
}
