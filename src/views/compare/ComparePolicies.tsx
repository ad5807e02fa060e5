import { useState } from 'react';
import type { Comparison } from '../../analysis';
import { formatMicros } from '../panels/format';
import { compareRows, formatRatio, formatValue, type Scope } from './compare-rows';
import { ScopeToggle, useWidth } from '../charts';
import { VariantBars } from './VariantBars';

/** Rows drawn as bar charts too: the three costs the patent is about. */
const CHARTED = ['contextSwitches', 'spurious', 'cpu'] as const;

/**
 * The same scenario under every variant, side by side: a table of the engine's
 * numbers with ratios against broadcast, at the player's simulated time or
 * for the whole run, and small bar charts of the main costs.
 */
export function ComparePolicies({ comparison }: { comparison: Comparison }) {
  // The whole run first: at step 0 every column is zero, which teaches nothing.
  const [scope, setScope] = useState<Scope>('whole');
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const rows = compareRows(comparison, scope);
  const chartWidth = Math.max(260, Math.min(460, Math.floor((width - 32) / 3)));
  return (
    <section className="compare-policies" aria-labelledby="compare-policies-title">
      <div className="compare-head">
        <h2 id="compare-policies-title">Policies side by side</h2>
        <ScopeToggle
          label="Compare scope"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'at', label: 'At the cursor' },
            { value: 'whole', label: 'Whole run' },
          ]}
        />
        <span className="muted" data-testid="compare-time">
          {scope === 'at'
            ? `every event up to t = ${formatMicros(comparison.t)} (step with the player)`
            : 'each variant run to its end'}
        </span>
      </div>
      <div className="compare-table-wrap" ref={ref}>
        <table className="compare-table" data-testid="compare-table" data-scope={scope}>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {comparison.variants.map((v) => (
                <th key={v.id} scope="col" data-variant={v.id}>
                  {v.label}
                  <span className="muted">
                    {' '}
                    {v.entities} {v.entities === 1 ? 'entity' : 'entities'}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.spec.key} data-row={row.spec.key}>
                <th scope="row" title={row.spec.hint}>
                  {row.spec.label}
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.variant} data-variant={cell.variant}>
                    <span className="value">{formatValue(cell.value, row.spec.kind)}</span>
                    {cell.variant === 'broadcast' ? null : (
                      <span className="ratio" title="Against broadcast">
                        {formatRatio(cell.ratio)}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted compare-note">
          Ratios are against broadcast (Figure 3). Native is one OS with every ISR in its chain and
          no host, so it has no context switches. CPU time is the entities&apos; busy time plus the
          host&apos;s own: its entries, Status reads, Interrupt Disable writes and injections.
        </p>
      </div>
      <div className="compare-bars">
        {CHARTED.map((key) => {
          const row = rows.find((r) => r.spec.key === key);
          if (!row) return null;
          return (
            <VariantBars
              key={key}
              title={row.spec.label}
              width={chartWidth}
              format={(v) => formatValue(v, row.spec.kind)}
              bars={row.cells.map((c) => ({
                id: c.variant,
                label: comparison.variants.find((v) => v.id === c.variant)?.label ?? c.variant,
                value: c.value,
              }))}
            />
          );
        })}
      </div>
    </section>
  );
}
