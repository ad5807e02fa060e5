/** Public API of the embed folder: INTx Lab inside a course page. */
export { parseEmbedFlags, PANEL_IDS, type EmbedFlags } from './flags';
export { startEmbedBridge, type Bridge, type BridgeOptions } from './bridge';
export { observeHeight } from './height';
export {
  lessonsUnavailable,
  LESSONS_UNAVAILABLE,
  type LessonLoader,
  type LessonLoadResult,
  type LessonRequest,
} from './lessons';
export { storeOutcomes, followOutcomes, type OutcomeSource } from './outcomes';
export {
  EMBED_PROTOCOL,
  EMBED_VERSION,
  parseCommand,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedState,
} from './messages';
export { embedSnippet, type EmbedSnippetOptions } from './snippet';
