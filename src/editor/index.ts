/** Public API of the scenario editor's model (pure: no DOM, no React). */
export { emptyDraft, draftFromScenario, freshId, type Draft } from './draft';
export type { EditOp, Settings, DevicePatch, StimulusPatch, TrafficPatch } from './ops';
export { applyEdit } from './reduce';
export { idProblem } from './ids';
export {
  startHistory,
  edit,
  undo,
  redo,
  canUndo,
  canRedo,
  HISTORY_LIMIT,
  type History,
} from './history';
export type { EditorMessage, Severity } from './messages';
export { validateDraft, type Validation } from './validate';
export { teachingChecks } from './teaching-checks';
export { toScenario } from './to-scenario';
export {
  formatIn,
  naturalUnit,
  parseDuration,
  parseCount,
  UNIT_LABEL,
  UNIT_NS,
  type TimeUnit,
} from './units';
