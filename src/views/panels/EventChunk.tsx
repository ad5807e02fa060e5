import { memo } from 'react';
import type { TraceEvent } from '../../engine/events';
import { EventRow } from './EventRow';

/** Rows per chunk: a step re-renders the one or two chunks the highlight leaves and enters. */
export const CHUNK_ROWS = 20;

interface Props {
  /** Trace index of the first event. */
  from: number;
  events: readonly TraceEvent[];
  /** Trace index of the highlighted event when it is in this chunk, else -1. */
  current: number;
  onSeek: (cursor: number) => void;
}

/**
 * A run of consecutive rows of the event log. Memoized: the log's other chunks
 * keep their props on a step, so React does not even compare their rows.
 */
export const EventChunk = memo(function EventChunk({ from, events, current, onSeek }: Props) {
  return events.map((ev, i) => (
    <EventRow
      key={from + i}
      event={ev}
      index={from + i}
      current={from + i === current}
      onSeek={onSeek}
    />
  ));
});

/** `events` (starting at trace index `from`) cut into chunks of CHUNK_ROWS, aligned on the index. */
export function chunksOf(
  from: number,
  events: readonly TraceEvent[],
): { from: number; events: readonly TraceEvent[] }[] {
  const out: { from: number; events: readonly TraceEvent[] }[] = [];
  let i = 0;
  while (i < events.length) {
    const start = from + i;
    const end = Math.min(from + events.length, (Math.floor(start / CHUNK_ROWS) + 1) * CHUNK_ROWS);
    out.push({ from: start, events: events.slice(i, end - from) });
    i = end - from;
  }
  return out;
}
