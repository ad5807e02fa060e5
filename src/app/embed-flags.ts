import type { EmbedFlags } from '../embed/flags';
import type { AppStore, PanelId } from '../store';

/**
 * Embed mode's flags onto the store, before anything is shown. The page marks
 * itself (`<html data-embed>`) so its CSS lets the content set the height.
 * Kept apart from embed-mode.ts, which is loaded only in an embedded copy.
 */
export function applyEmbedFlags(store: AppStore, flags: EmbedFlags): void {
  document.documentElement.dataset['embed'] = '';
  const s = store.getState();
  if (flags.theme) s.setTheme(flags.theme);
  if (flags.panels) {
    for (const [id, shown] of Object.entries(flags.panels) as [PanelId, boolean][]) {
      if (store.getState().panels[id] !== shown) store.getState().togglePanel(id);
    }
  }
}
