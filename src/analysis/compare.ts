import type { Scenario } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';
import { runEntities } from '../engine/topology';
import { createTimeFold, runMetrics, type TimeFold } from './metrics-run';
import { VARIANTS, variantScenario, type Variant, type VariantId } from './variants';

/** One variant's numbers: at the compared time and for its whole run. */
export interface VariantResult {
  id: VariantId;
  label: string;
  policy: Variant['policy'];
  forwardDeviceId: boolean;
  /** Entities taking part (native folds every VM into one OS). */
  entities: number;
  atT: Summary;
  whole: Summary;
}

export interface Comparison {
  /** The simulated time the `atT` summaries stop at (every event with t <= time). */
  t: number;
  /** The scenario's config read cost, for CPU time (see per-interrupt.ts). */
  configReadNs: number;
  variants: VariantResult[];
}

interface Prepared {
  variant: Variant;
  entities: number;
  fold: TimeFold;
  whole: Summary;
}

/**
 * Runs one scenario under every variant, metrics only. The last scenario's
 * runs are kept, so stepping the cursor forward only folds the new events of
 * each variant; another scenario starts afresh.
 */
export class Comparer {
  private key = '';
  private prepared: Prepared[] = [];

  compare(scenario: Scenario, t: number): Comparison {
    const key = JSON.stringify(scenario);
    if (key !== this.key) {
      this.prepared = VARIANTS.map((variant) => {
        const s = variantScenario(scenario, variant);
        return {
          variant,
          entities: runEntities(s).length,
          fold: createTimeFold(s),
          whole: runMetrics(s),
        };
      });
      this.key = key;
    }
    const time = Number.isNaN(t) ? 0 : Math.max(0, t);
    return {
      t: time,
      configReadNs: scenario.costs.configReadNs,
      variants: this.prepared.map((p) => ({
        id: p.variant.id,
        label: p.variant.label,
        policy: p.variant.policy,
        forwardDeviceId: p.variant.forwardDeviceId,
        entities: p.entities,
        atT: p.fold.at(time),
        whole: p.whole,
      })),
    };
  }
}
