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
export { EMBED_PROTOCOL, EMBED_VERSION, parseCommand, type EmbedCommand } from './messages';
export { eventSchema, type EmbedEvent, type EmbedState } from './events';
export { embedSnippet, type EmbedSnippetOptions } from './snippet';
