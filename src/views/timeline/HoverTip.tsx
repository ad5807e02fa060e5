/** Space (px) between the pointer and its readout; past this share of the width it flips left. */
const TIP_GAP_PX = 14;
const TIP_FLIP_SHARE = 0.6;

interface Props {
  x: number;
  y: number;
  /** The lanes' width, to flip the tip left near the right edge. */
  width: number;
  text: string;
}

/** The readout by the pointer, where the eye already is (the bar keeps a copy). */
export function HoverTip({ x, y, width, text }: Props) {
  const flip = x > width * TIP_FLIP_SHARE;
  return (
    <div
      className={`tl-tip${flip ? ' flip' : ''}`}
      data-testid="timeline-hover-tip"
      aria-hidden="true"
      style={{ left: x + (flip ? -TIP_GAP_PX : TIP_GAP_PX), top: y + TIP_GAP_PX }}
    >
      {text}
    </div>
  );
}
