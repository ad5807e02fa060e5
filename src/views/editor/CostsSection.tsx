import { DEFAULT_COSTS } from '../../definitions';
import type { BaseCosts } from '../../engine/scenario';
import { formatIn, naturalUnit, UNIT_LABEL } from '../../editor';
import { DurationField } from './fields/NumberField';
import { selectDraft, useApply, useEditor } from './editor-store';
import { p } from './paths';
import { Section } from './Section';

const LABELS: Readonly<Record<keyof BaseCosts, string>> = {
  contextSwitchNs: 'VM world switch',
  threadWakeNs: 'Thread wake-up',
  deliveryNs: 'Controller delivery',
  hostEntryNs: 'Host handler entry',
  configReadNs: 'Config read (Status)',
  configWriteNs: 'Config write (bit 10)',
  isrCallNs: 'ISR call',
  serviceNs: 'Servicing the device',
  flushReadNs: 'Flush read-back',
  eoiNs: 'End of interrupt',
};

function defaultText(ns: number): string {
  const unit = naturalUnit(ns);
  return `${formatIn(ns, unit)} ${UNIT_LABEL[unit]}`;
}

/** Every cost the engine charges: assumptions to change, not measurements. */
export function CostsSection() {
  const draft = useEditor(selectDraft);
  const apply = useApply();
  const keys = Object.keys(LABELS) as (keyof BaseCosts)[];
  return (
    <Section title="Costs" id="ed-costs">
      <p className="muted">
        Illustrative assumptions in simulated time; the default is shown under each.
      </p>
      <div className="ed-grid">
        {keys.map((key) => (
          <div key={key}>
            <DurationField
              label={LABELS[key]}
              path={p('costs', key)}
              ns={draft.costs[key]}
              onCommit={(ns) => apply({ type: 'setCost', key, ns })}
            />
            <span className="muted">default {defaultText(DEFAULT_COSTS[key])}</span>
          </div>
        ))}
      </div>
    </Section>
  );
}
