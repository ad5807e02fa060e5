import { line, scaleLinear, scaleLog } from 'd3';
import type { Series } from './sweep-series';
import type { SweepPolicy } from '../../analysis/sweep-scenario';

const M = { top: 10, right: 14, bottom: 38, left: 62 };
const HEIGHT = 190;

const POLICY_LABEL = {
  broadcast: 'Broadcast',
  selective: 'Selective',
  msi: 'MSI (every device)',
} as const;

/** Each series has its own marker, so the lines are told apart without colour. */
function Marker({ policy, cx, cy }: { policy: SweepPolicy; cx: number; cy: number }) {
  if (policy === 'broadcast') return <circle cx={cx} cy={cy} r={3.5} />;
  if (policy === 'selective') return <rect x={cx - 3.5} y={cy - 3.5} width={7} height={7} />;
  return <polygon points={`${cx},${cy - 4.5} ${cx + 4.5},${cy + 3.5} ${cx - 4.5},${cy + 3.5}`} />;
}

/**
 * A small line chart: x on a base-2 log scale (the sweep doubles), y from
 * zero. d3 computes scales and paths; React draws the SVG. Lines differ by
 * dash and marker shape as well as colour, and the aria-label reads every value.
 */
export function LineChart({
  title,
  series,
  xValues,
  xLabel,
  width,
  format,
}: {
  title: string;
  series: readonly Series[];
  /** Every x of the axis, even those not computed yet, so the chart does not jump. */
  xValues: readonly number[];
  xLabel: string;
  width: number;
  format: (y: number) => string;
}) {
  const innerW = Math.max(60, width - M.left - M.right);
  const innerH = HEIGHT - M.top - M.bottom;
  const lo = Math.min(...xValues);
  const hi = Math.max(...xValues);
  const x = scaleLog()
    .base(2)
    .domain(lo === hi ? [lo / 2, hi * 2] : [lo, hi])
    .range([0, innerW]);
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const y = scaleLinear()
    .domain([0, Math.max(0, ...ys) || 1])
    .nice(4)
    .range([innerH, 0]);
  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const described = series
    .map(
      (s) =>
        `${POLICY_LABEL[s.policy]}: ${s.points.map((p) => `${p.x} → ${format(p.y)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="line-chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`${title} by ${xLabel}. ${described}`}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {y.ticks(4).map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line className="grid" x2={innerW} />
              <text className="tick" x={-6} dy="0.32em" textAnchor="end">
                {format(t)}
              </text>
            </g>
          ))}
          {xValues.map((v) => (
            <g key={`x${v}`} transform={`translate(${x(v)},${innerH})`}>
              <line className="axis" y2={4} />
              <text className="tick" y={17} textAnchor="middle">
                {v}
              </text>
            </g>
          ))}
          <line className="axis" y1={innerH} y2={innerH} x2={innerW} />
          <text className="axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
            {xLabel}
          </text>
          {series.map((s) => (
            <g key={s.policy} className={`series series-${s.policy}`} data-series={s.policy}>
              {s.points.length > 1 ? <path d={path(s.points) ?? ''} /> : null}
              {s.points.map((p) => (
                <Marker key={p.x} policy={s.policy} cx={x(p.x)} cy={y(p.y)} />
              ))}
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}

/** The key of every sweep chart (drawn once per section). */
export function SweepLegend() {
  return (
    <div className="sweep-legend" aria-hidden="true">
      {(['broadcast', 'selective', 'msi'] as const).map((p) => (
        <span key={p} className={`legend-item series-${p}`}>
          <svg width={30} height={12}>
            <line x1={1} x2={29} y1={6} y2={6} />
            <Marker policy={p} cx={15} cy={6} />
          </svg>
          {POLICY_LABEL[p]}
        </span>
      ))}
    </div>
  );
}
