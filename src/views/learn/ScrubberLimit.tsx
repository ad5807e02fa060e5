import { memo, type CSSProperties } from 'react';
import './learn.css';

/** What the locked part of the scrubber says, on screen and to screen readers. */
export const LIMIT_TEXT = 'The lesson continues after you answer';

const SHORT_TEXT = 'Continues after you answer';

/** The whole sentence: the range's tooltip and its description for screen readers. */
export function limitSentence(limit: number): string {
  return `${LIMIT_TEXT} (the player stops at step ${limit}).`;
}

/** The scrubber's text for screen readers: where the cursor is and, in a lesson, where it stops. */
export function scrubberValueText(
  cursor: number,
  eventCount: number,
  limit: number | null,
): string {
  const at = `step ${cursor} of ${eventCount}`;
  return limit === null || limit >= eventCount
    ? at
    : `${at}; the lesson stops at step ${limit} until you answer`;
}

interface Props {
  /** The lesson's `cursorLimit` (null: no open question). */
  limit: number | null;
  eventCount: number;
  /** The id of the label, for the range's aria-describedby. */
  labelId: string;
}

/**
 * Where a lesson's open question stops the player: a marker at the limit and
 * the part after it shaded, with a label that says why. Drawn over the range
 * (its thumb is 14 px wide, so the track is inset by 7 px on each side, as the
 * interrupt ticks are); it takes no pointer events, the player clamps seeking.
 */
// Memoized: the scrubber renders every step, the limit changes only with the lesson.
export const ScrubberLimit = memo(function ScrubberLimit({ limit, eventCount, labelId }: Props) {
  if (limit === null || eventCount === 0 || limit >= eventCount) return null;
  const at = Math.max(0, limit) / eventCount;
  // Past the middle the label ends at the marker, so it never runs off the scrubber.
  const side = at > 0.5 ? 'before' : 'after';
  return (
    <div
      className={`scrubber-limit scrubber-limit--${side}`}
      style={{ '--limit': at } as CSSProperties}
      data-testid="scrubber-limit"
      data-limit={limit}
    >
      <div className="scrubber-limit__locked" />
      {/* Short enough for the scrubber at 1024 px; the range's title and description say it whole. */}
      <span className="scrubber-limit__label" aria-hidden="true">
        {SHORT_TEXT}
      </span>
      <span className="visually-hidden" id={labelId}>
        {limitSentence(limit)}
      </span>
    </div>
  );
});
