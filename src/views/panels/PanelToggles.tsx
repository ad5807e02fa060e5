import type { PanelId } from '../../store';
import { selectPanels, useAppStore, useAppStoreApi } from '../../store';

const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'narration', label: 'Narration' },
  { id: 'eventLog', label: 'Event log' },
];

/** Show or hide the side panels (remembered across visits). */
export function PanelToggles() {
  const store = useAppStoreApi();
  const panels = useAppStore(selectPanels);
  return (
    <div className="button-row" role="group" aria-label="Panels">
      {PANELS.map((p) => (
        <button
          key={p.id}
          type="button"
          className="toggle"
          aria-pressed={panels[p.id]}
          onClick={() => store.getState().togglePanel(p.id)}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
