import { EdgeLabelRenderer } from '@xyflow/react';

interface EdgeTagProps {
  edgeId: string;
  x: number;
  y: number;
  text: string;
  lit: boolean;
  /** The level the text states, for a colour that only repeats it. */
  level?: 0 | 1;
  /** Where the tag hangs from (x, y): centred, or to the left of it. */
  anchor?: 'center' | 'left-of';
}

/** The text on an edge: a 0/1 level or what the current event carries. */
export function EdgeTag({ edgeId, x, y, text, lit, level, anchor = 'center' }: EdgeTagProps) {
  const shift = anchor === 'center' ? 'translate(-50%, -50%)' : 'translate(-100%, -50%)';
  const cls = `intx-edge-tag nodrag nopan${lit ? ' intx-edge-tag--lit' : ''}${level === undefined ? '' : ` intx-edge-tag--${level}`}`;
  return (
    <EdgeLabelRenderer>
      <div
        className={cls}
        data-testid={`edge-tag-${edgeId}`}
        style={{ transform: `${shift} translate(${x}px, ${y}px)` }}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  );
}
