/** Public API of the store folder. */
export { createAppStore, type AppStore, type AppStoreOptions } from './create-app-store';
export { StoreProvider, useAppStore, useAppStoreApi } from './provider';
export { createMemoryStorage } from './memory-storage';
export {
  SPEEDS,
  MIN_SPEED,
  MAX_SPEED,
  EVENTS_PER_SECOND,
  INTERRUPTS_PER_SECOND,
  nextMarker,
  prevMarker,
  playTarget,
  playerEnd,
  stopAtBreakpoint,
  stepNeighbours,
} from './navigation';
export { FrameCache } from './frame-cache';
export * from './selectors';
export type {
  AppState,
  DeviceAction,
  Granularity,
  PanelId,
  PendingEdit,
  Theme,
  Workspace,
} from './types';
export type { ActiveLesson, CheckpointFeedback, LessonSlice } from './lesson-types';
export { feedbackKey } from './lesson-slice';
