import { memo } from 'react';
import type { Lane } from '../../replay/lanes';
import { bitPaths, busyPath, marksPath, vectorLabels, vectorPaths, type RowBox } from './paths';
import type { TimeScale } from './scale';
import { laneMarks, laneWindow } from './window';

interface Props {
  lane: Lane;
  y: number;
  height: number;
  scale: TimeScale;
  endT: number;
  /** Drawn fainter: a collapsed group's header lane, in its header row. */
  inHeader?: boolean;
}

/**
 * One lane's waveform in the visible window: a few paths whatever the number
 * of changes. Memoized: a hover or a cursor move does not redraw it, only a
 * new window (pan, zoom, resize) does.
 */
export const LaneGraphic = memo(function LaneGraphic({
  lane,
  y,
  height,
  scale,
  endT,
  inHeader = false,
}: Props) {
  const box: RowBox = { height, pad: 4 };
  const className = `tl-lane tl-${lane.kind}${inHeader ? ' tl-header-lane' : ''}`;
  if (lane.kind === 'marks') {
    const marks = laneMarks(lane, scale);
    return (
      <g className={className} transform={`translate(0 ${y})`} data-lane={lane.key}>
        <line
          className="tl-baseline"
          x1={0}
          x2={scale.range()[1]}
          y1={height - 4}
          y2={height - 4}
        />
        <path className="tl-marks" d={marksPath(marks, box)} />
      </g>
    );
  }
  const win = laneWindow(lane, endT, scale);
  const busy = busyPath(win.busy, box);
  if (lane.kind === 'vector') {
    const { line, boxes } = vectorPaths(win, box);
    return (
      <g className={className} transform={`translate(0 ${y})`} data-lane={lane.key}>
        <path className="tl-box" d={boxes} />
        <path className="tl-line" d={line} />
        <path className="tl-busy" d={busy} />
        {vectorLabels(win, lane.valueNames).map((l) => (
          <text key={l.key} className="tl-label" x={l.x} y={height / 2} dominantBaseline="central">
            {l.text}
          </text>
        ))}
      </g>
    );
  }
  const { line, fill } = bitPaths(win, box);
  return (
    <g className={className} transform={`translate(0 ${y})`} data-lane={lane.key}>
      <path className="tl-fill" d={fill} />
      <path className="tl-line" d={line} />
      <path className="tl-busy" d={busy} />
    </g>
  );
});
