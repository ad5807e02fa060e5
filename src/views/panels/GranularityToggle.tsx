import { useCommand } from '../../commands';
import { selectGranularity, useAppStore } from '../../store';

/** Fine stepping (every micro-event) is the default; this switches to interrupt by interrupt. */
export function GranularityToggle() {
  const { command, enabled, label, run } = useCommand('toggle-granularity');
  const granularity = useAppStore(selectGranularity);
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={granularity === 'interrupt'}
      title={`${label} (${command.shortcut?.label ?? ''})`}
      disabled={!enabled}
      onClick={run}
    >
      {label}
    </button>
  );
}
