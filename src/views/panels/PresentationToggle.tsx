import { useCommand } from '../../commands';
import { selectPresentation, useAppStore } from '../../store';

/** Presentation mode for a projector: large type, only the graph, the narration and the player. */
export function PresentationToggle() {
  const { command, enabled, label, run } = useCommand('toggle-presentation');
  const on = useAppStore(selectPresentation);
  return (
    <button
      type="button"
      className="toggle presentation-toggle"
      aria-pressed={on}
      title={`${label} (${command.shortcut?.label ?? ''}): large type, secondary panels hidden`}
      disabled={!enabled}
      onClick={run}
    >
      {label}
    </button>
  );
}
