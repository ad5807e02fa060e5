import type { Policy, Scenario } from '../../engine/scenario';
import { RAISES_PER_DEVICE } from '../../machine';
import { useAppStoreApi, type Workspace } from '../../store';

interface Props {
  scenario: Scenario | null;
  /** Why there is nothing to run (shown instead of the buttons' effect). */
  problem: string | null;
  policy: Policy;
  onPolicyChange(policy: Policy): void;
}

const POLICIES: readonly { value: Policy; label: string }[] = [
  { value: 'broadcast', label: 'Broadcast (Figure 3)' },
  { value: 'selective', label: 'Selective (Figure 4)' },
];

/** The policy to start with and the three ways to go on with the built scenario. */
export function RunActions({ scenario, problem, policy, onPolicyChange }: Props) {
  const store = useAppStoreApi();
  const open = (workspace: Workspace) => {
    if (!scenario) return;
    const s = store.getState();
    void s.loadScenario(scenario, null).then(() => s.setWorkspace(workspace));
  };
  return (
    <section className="machine-section machine-actions" aria-labelledby="machine-run-title">
      <h3 id="machine-run-title">Run it</h3>
      <div className="policy-picker" role="radiogroup" aria-label="Policy to start with">
        {POLICIES.map((p) => (
          <label key={p.value} className="radio">
            <input
              type="radio"
              name="machine-policy"
              value={p.value}
              checked={policy === p.value}
              onChange={() => onPolicyChange(p.value)}
            />
            {p.label}
          </label>
        ))}
      </div>
      <p className="muted">
        Each shared device raises its interrupt {RAISES_PER_DEVICE} times, 1 ms apart, the devices
        taking turns, so every raise is handled before the next; costs are the documented defaults.
      </p>
      {problem ? (
        <p className="machine-problem" role="status" data-testid="machine-problem">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!scenario}
          onClick={() => open('visualize')}
        >
          Open in visualizer
        </button>
        <button type="button" disabled={!scenario} onClick={() => open('compare')}>
          Compare policies
        </button>
        <button type="button" disabled={!scenario} onClick={() => open('editor')}>
          Edit
        </button>
      </div>
    </section>
  );
}
