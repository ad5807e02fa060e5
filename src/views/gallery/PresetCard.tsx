import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../../presets';
import { presetSummary } from './preset-summary';

/** One preset: what it teaches, its machine in a line, and what to do with it. */
export function PresetCard({
  preset,
  scenario,
  current,
  onOpen,
  onEdit,
}: {
  preset: Preset;
  scenario: Scenario;
  current: boolean;
  onOpen(): void;
  onEdit(): void;
}) {
  const titleId = `preset-${preset.name}-title`;
  return (
    <li
      className={`gal-card${current ? ' current' : ''}`}
      aria-labelledby={titleId}
      data-testid={`preset-card-${preset.name}`}
    >
      <h2 id={titleId}>
        <code>{preset.name}</code>
        {current ? <span className="gal-badge">open now</span> : null}
      </h2>
      <p className="gal-name">{scenario.name}</p>
      <p className="gal-teaches">{preset.teaches}</p>
      <p className="gal-summary muted">{presetSummary(scenario)}</p>
      <div className="button-row gal-actions">
        <button
          type="button"
          className="primary"
          aria-label={`Open ${preset.name}`}
          onClick={onOpen}
        >
          Open
        </button>
        <button type="button" aria-label={`Edit a copy of ${preset.name}`} onClick={onEdit}>
          Edit a copy
        </button>
      </div>
    </li>
  );
}
