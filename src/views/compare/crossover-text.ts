import {
  selectiveCostsMore,
  type AxisComparison,
  type SweepAxis,
} from '../../analysis/engine-free';
import { formatMicros } from '../charts/numbers';

const UNIT: Record<SweepAxis, [string, string]> = {
  vms: ['VM', 'VMs'],
  chain: ['ISR per chain', 'ISRs per chain'],
};

const us = (ns: number) => formatMicros(ns);

/**
 * One sentence on where selective forwarding stops paying for itself along an
 * axis, from CPU time per interrupt: the config reads of every device's Status
 * register against the switches and walks they spare.
 */
export function crossoverText(rows: readonly AxisComparison[], axis: SweepAxis): string | null {
  if (rows.length === 0) return null;
  const [one, many] = UNIT[axis];
  const worse = selectiveCostsMore(rows);
  if (worse.length === 0) {
    return `Selective uses less CPU per interrupt than broadcast at every point (${rows.length} computed).`;
  }
  const details = rows
    .filter((r) => worse.includes(r.value))
    .map(
      (r) =>
        `${r.value} ${r.value === 1 ? one : many} (${us(r.selective)} against ${us(r.broadcast)})`,
    )
    .join(', ');
  const better = rows.filter((r) => !worse.includes(r.value));
  const tail =
    better.length > 0
      ? ` From ${better[0]!.value} ${better[0]!.value === 1 ? one : many} it saves more than it costs.`
      : '';
  return `Selective's Status reads cost more than they save at ${details}.${tail}`;
}
