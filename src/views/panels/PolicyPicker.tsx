import { useState } from 'react';
import type { Policy } from '../../engine/scenario';
import {
  selectLoading,
  selectPolicy,
  selectPolicyOverride,
  useAppStore,
  useAppStoreApi,
} from '../../store';

const POLICIES: readonly { value: Policy; label: string; hint: string }[] = [
  { value: 'native', label: 'Native', hint: 'One OS walks every ISR on the line (Figure 2).' },
  { value: 'broadcast', label: 'Broadcast', hint: 'The host injects into every VM (Figure 3).' },
  {
    value: 'selective',
    label: 'Selective',
    hint: 'The host reads Status bits and forwards to owners (Figure 4).',
  },
];

/** How the host hands a physical interrupt to the entities; changing it re-runs at the same time. */
export function PolicyPicker() {
  const store = useAppStoreApi();
  const policy = useAppStore(selectPolicy);
  const override = useAppStore(selectPolicyOverride);
  const loading = useAppStore(selectLoading);
  // The choice shows at once while the scenario re-runs; then the store's
  // policy takes over again (the new one, or the old one if the run failed).
  const [chosen, setChosen] = useState<Policy | null>(null);
  const shown = chosen ?? policy;
  const choose = (value: Policy): void => {
    setChosen(value);
    void store
      .getState()
      .setPolicy(value)
      .finally(() => setChosen(null));
  };
  return (
    <div
      className="policy-picker"
      role="radiogroup"
      aria-label="Policy"
      aria-describedby="policy-keys"
      onKeyDown={(e) => {
        // Left/Right step the player, as everywhere on the page; Up/Down still
        // move between policies (a radio group's other arrow keys).
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') e.preventDefault();
      }}
    >
      <span id="policy-keys" hidden>
        Up and Down change the policy; Left and Right step the simulation.
      </span>
      <span className="field-label" aria-hidden="true">
        Policy{override ? ' (changed)' : ''}
      </span>
      {POLICIES.map((p) => (
        <label key={p.value} className="radio" title={p.hint}>
          <input
            type="radio"
            name="policy"
            value={p.value}
            checked={shown === p.value}
            // Not disabled while the re-run loads: a disabled radio loses focus, and the
            // keyboard user would be dropped to the page after every change. A change
            // asked for meanwhile is refused (the checked radio stays the one chosen).
            disabled={policy === null}
            aria-disabled={loading || undefined}
            onChange={() => {
              if (!loading) choose(p.value);
            }}
          />
          {p.label}
        </label>
      ))}
    </div>
  );
}
