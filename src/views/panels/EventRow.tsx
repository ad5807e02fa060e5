import { memo } from 'react';
import type { TraceEvent } from '../../engine/events';
import { narrate } from '../../replay/narrate';
import { formatMicros } from './format';

interface Props {
  event: TraceEvent;
  /** Index of the event in the trace; clicking shows the screen just after it. */
  index: number;
  current: boolean;
  onSeek: (cursor: number) => void;
}

/** One event of the log. Memoized: a step re-renders only the two rows whose highlight changes. */
export const EventRow = memo(function EventRow({ event, index, current, onSeek }: Props) {
  return (
    <li>
      <button
        type="button"
        className="event-row"
        data-index={index}
        aria-current={current ? 'true' : undefined}
        tabIndex={current ? 0 : -1}
        onClick={() => onSeek(index + 1)}
      >
        <span className="event-meta">
          <span className="event-seq">#{event.seq}</span>
          <span className="event-time">{formatMicros(event.t)}</span>
          <span className="event-type">{event.type}</span>
        </span>
        <span className="event-text">{narrate(event)}</span>
      </button>
    </li>
  );
});
