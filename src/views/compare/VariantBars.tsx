import { HBarChart } from '../charts';

export interface VariantBar {
  id: string;
  label: string;
  value: number;
}

/** One metric across the variants, each bar coloured by its variant. */
export function VariantBars({
  title,
  bars,
  width,
  format,
}: {
  title: string;
  bars: readonly VariantBar[];
  width: number;
  format: (value: number) => string;
}) {
  return (
    <figure className="variant-bars">
      <figcaption>{title}</figcaption>
      <HBarChart
        className="variant-bars-chart"
        title={title}
        bars={bars.map((b) => ({ ...b, className: `bar-${b.id}` }))}
        width={width}
        format={format}
        rowHeight={20}
        labelWidth={158}
        valueWidth={84}
        padding={0.25}
      />
    </figure>
  );
}
