import {
  lessonsUnavailable,
  observeHeight,
  startEmbedBridge,
  storeOutcomes,
  type EmbedFlags,
  type LessonLoader,
} from '../embed';
import type { AppStore, PanelId } from '../store';

/**
 * Embed mode's wiring: the flags onto the store before anything is shown, and
 * once the start choice is shown, the lesson and step flags, the message
 * bridge to the parent window and the height reports. The page marks
 * itself (`<html data-embed>`) so its CSS lets the content set the height.
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

/** Runs after the page's first scenario is shown. `lessons` is the lesson layer's loader. */
export async function connectEmbed(
  store: AppStore,
  flags: EmbedFlags,
  lessons: LessonLoader = lessonsUnavailable,
): Promise<void> {
  if (flags.lesson !== null) {
    const result = await lessons({ from: 'url', name: flags.lesson, step: flags.lessonStep });
    if (!result.ok) {
      const why = result.errors
        .map((e) => (e.path === '$' ? e.message : `${e.path}: ${e.message}`))
        .join('; ');
      store.getState().setNotice(`The lesson "${flags.lesson}" could not be opened: ${why}.`);
    }
  }
  if (flags.step !== null) await store.getState().seek(flags.step);
  const framed = window.parent !== window;
  const bridge = startEmbedBridge({
    store,
    self: window,
    parent: framed ? window.parent : null,
    allowedOrigins: flags.origins,
    outcomes: storeOutcomes(store),
    lessons,
    pageUrl: window.location.href,
  });
  const root = document.getElementById('root');
  if (root) observeHeight(root, (height) => bridge.sizer.heightChanged(height));
}
