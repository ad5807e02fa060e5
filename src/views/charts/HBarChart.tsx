import { scaleBand, scaleLinear } from 'd3';

export interface HBar {
  id: string;
  /** Shown left of the bar (the id when absent). */
  label?: string;
  value: number;
  /** Extra class on the bar, e.g. a colour per policy. */
  className?: string;
}

export interface HBarChartProps {
  bars: readonly HBar[];
  width: number;
  /** Names the chart for screen readers; every value is read out too. */
  title: string;
  format: (value: number) => string;
  className?: string;
  rowHeight?: number;
  labelWidth?: number;
  valueWidth?: number;
  padding?: number;
}

/**
 * Horizontal bars, one row each. The x domain starts at zero so bar lengths
 * compare honestly, and every value is also written as text beside its bar.
 */
export function HBarChart({
  bars,
  width,
  title,
  format,
  className = 'bar-chart',
  rowHeight = 20,
  labelWidth = 92,
  valueWidth = 62,
  padding = 0.2,
}: HBarChartProps) {
  const height = Math.max(1, bars.length) * rowHeight + 4;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, Math.max(10, width - labelWidth - valueWidth)]);
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.id))
    .range([2, height - 2])
    .paddingInner(padding);
  const mid = y.bandwidth() / 2;
  return (
    <svg
      className={className}
      width={width}
      height={height}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label ?? b.id} ${format(b.value)}`).join(', ')}`}
    >
      {bars.map((b) => (
        <g key={b.id} transform={`translate(0,${y(b.id) ?? 0})`} data-bar={b.id}>
          <text className="bar-label" x={labelWidth - 4} y={mid} dy="0.35em">
            {b.label ?? b.id}
          </text>
          <rect
            className={b.className ? `bar ${b.className}` : 'bar'}
            x={labelWidth}
            width={x(b.value)}
            height={y.bandwidth()}
            rx={2}
          />
          <text className="bar-value" x={labelWidth + x(b.value) + 4} y={mid} dy="0.35em">
            {format(b.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}
