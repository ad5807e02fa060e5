import type { Policy } from '../engine/scenario';
import type { AppState } from './types';

/** Selectors at module scope: stable identities, one place to read state from. */

export const selectRun = (s: AppState) => s.run;
export const selectScenario = (s: AppState) => s.scenario;
export const selectFrame = (s: AppState) => s.frame;
export const selectCursor = (s: AppState) => s.cursor;
export const selectEventCount = (s: AppState) => s.run?.eventCount ?? 0;
export const selectInterruptCursors = (s: AppState) => s.run?.interruptCursors;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectGranularity = (s: AppState) => s.granularity;
export const selectLoading = (s: AppState) => s.loading;
export const selectRunProgress = (s: AppState) => s.runProgress;
export const selectCancelRun = (s: AppState) => s.cancelRun;
export const selectError = (s: AppState) => s.error;
export const selectNotice = (s: AppState) => s.notice;
export const selectPresetName = (s: AppState) => s.presetName;
export const selectPolicy = (s: AppState): Policy | null => s.scenario?.policy ?? null;
/** The policy chosen in the toolbar, when it differs from the preset's (derived, never stored). */
export const selectPolicyOverride = (s: AppState): Policy | null =>
  s.scenario && s.original && s.scenario.policy !== s.original.policy ? s.scenario.policy : null;
export const selectPendingEdit = (s: AppState) => s.pendingEdit;
export const selectTheme = (s: AppState) => s.theme;
export const selectPanels = (s: AppState) => s.panels;
export const selectPresentation = (s: AppState) => s.presentation;
export const selectWorkspace = (s: AppState) => s.workspace;
/** The Figure 6 box lit at the frame on screen. */
export const selectFlow = (s: AppState) => s.frame?.view.flow ?? null;
/** Where a lesson's open question stops the player (null: no open question). */
export const selectCursorLimit = (s: AppState) => s.cursorLimit;
/** Whether the frame is past the run's end (its run.end event shown). */
export const selectRunEnded = (s: AppState) => s.frame?.view.ended ?? false;
export const selectFrameEvent = (s: AppState) => s.frame?.event ?? null;
export const selectFrameCursor = (s: AppState) => s.frame?.cursor ?? 0;
/** The summary of the first `frame.cursor` events, carried by the frame (null: none yet). */
export const selectFrameSummary = (s: AppState) => s.frame?.summary ?? null;
export const selectHandEdits = (s: AppState) =>
  s.scenario?.stimuli.filter((st) => st.source === 'hand').length ?? 0;

/** Context switches so far, summed over the entities of the frame. */
export const selectContextSwitches = (s: AppState): number => {
  const entities = s.frame?.view.entities;
  if (!entities) return 0;
  let total = 0;
  for (const e of Object.values(entities)) total += e.contextSwitches;
  return total;
};

/**
 * The status line's numbers, all from the frame on screen (not the cursor
 * asked for), so step, time and counts always agree. An object: read it
 * through useShallow.
 */
export const selectStatus = (s: AppState) => ({
  t: s.frame?.view.t ?? 0,
  cursor: s.frame?.cursor ?? 0,
  eventCount: s.run?.eventCount ?? 0,
  spurious: s.frame?.view.spurious ?? 0,
  contextSwitches: selectContextSwitches(s),
});
export const selectDeviceAction = (s: AppState) => s.deviceAction;
export const selectExpandedDevices = (s: AppState) => s.expandedDevices;
export const selectSetExpandedDevices = (s: AppState) => s.setExpandedDevices;

/** Breakpoint hits of the run on screen (empty while none are set or found). */
const NO_HITS: readonly number[] = [];
export const selectBreakpointCursors = (s: AppState): readonly number[] =>
  s.breakpointHits && s.breakpointHits.run === s.run ? s.breakpointHits.cursors : NO_HITS;

/** What Shift+arrows jump between: breakpoint hits when any are set, else interrupts. */
export const selectJumpMarkers = (s: AppState): readonly number[] =>
  s.breakpoints.length > 0 ? selectBreakpointCursors(s) : (s.run?.interruptCursors ?? NO_HITS);

/** The machine's key of each scenario seen, so a step reads it without building a string. */
const machineKeys = new WeakMap<object, string>();

/**
 * The machine on screen (its lines, devices and entities by id), as a string
 * that changes only when another machine is shown: a new preset or an opened
 * file, not a hand action or a policy switch on the same machine.
 */
export const selectMachine = (s: AppState): string => {
  const scenario = s.run?.scenario;
  if (!scenario) return '';
  let key = machineKeys.get(scenario);
  if (key === undefined) {
    const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).join(',');
    key = `${ids(scenario.lines)}|${ids(scenario.devices)}|${ids(scenario.entities)}`;
    machineKeys.set(scenario, key);
  }
  return key;
};
