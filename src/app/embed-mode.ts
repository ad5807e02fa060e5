import {
  lessonsUnavailable,
  observeHeight,
  startEmbedBridge,
  storeOutcomes,
  type EmbedFlags,
  type LessonLoader,
} from '../embed';
import type { AppStore } from '../store';

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
