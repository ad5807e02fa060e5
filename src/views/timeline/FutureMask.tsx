import { LIMIT_TEXT } from '../learn/ScrubberLimit';

/**
 * Over the lanes after the time a lesson's open question stops the player at
 * (`x`, px): the rest of the run stays covered until the question is answered,
 * since its waveforms (the ISRs called, the spurious marks) are the answers.
 * Pointer events pass through: dragging still pans, and a click there seeks,
 * which the player clamps to the stop.
 */
export function FutureMask({ x, width }: { x: number; width: number }) {
  // Strictly after the stop's instant: its own changes stay in view.
  const left = Math.max(0, Math.floor(x) + 1);
  if (left >= width) return null;
  return (
    <div className="tl-future" style={{ left }} data-testid="timeline-future">
      <span className="tl-future-label">{LIMIT_TEXT}</span>
    </div>
  );
}
