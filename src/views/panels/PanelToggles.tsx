import { useRef } from 'react';
import type { PanelId } from '../../store';
import { selectPanels, useAppStore, useAppStoreApi } from '../../store';
import { useDismiss } from './useDismiss';

const PANELS: readonly { id: PanelId; label: string; hint: string }[] = [
  { id: 'narration', label: 'Narration', hint: 'The current step in one sentence' },
  { id: 'flow', label: 'Figure 6', hint: 'Where the interrupt is in the Figure 6 flow' },
  { id: 'metrics', label: 'Metrics', hint: 'Counts per entity and device, at the cursor' },
  { id: 'eventLog', label: 'Event log', hint: 'Every event, following the cursor' },
  { id: 'timeline', label: 'Timeline', hint: 'Signals over time under the graph' },
];

/**
 * Show or hide the visualizer's panels (remembered across visits). A menu,
 * so the toolbar stays one line however many panels there are.
 */
export function PanelToggles() {
  const store = useAppStoreApi();
  const panels = useAppStore(selectPanels);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);
  const shown = PANELS.filter((p) => panels[p.id]).length;
  return (
    <details className="menu panels-menu" ref={menu}>
      <summary aria-label={`Panels (${shown} shown)`}>Panels</summary>
      <div className="menu__items" role="group" aria-label="Panels">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            className="toggle"
            title={p.hint}
            aria-pressed={panels[p.id]}
            onClick={() => store.getState().togglePanel(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
    </details>
  );
}
