import type { Stimulus } from '../engine/scenario';
import type { Frame, RunInfo } from '../protocol/api';
import type { DeviceAction } from './types';

/**
 * The stimulus a hand action on a device records at the frame's time. Toggles
 * read the device's current bit from the frame, so the recorded value is what
 * the person saw flip; the stimulus carries the value so the trace replays exactly.
 */
export function handStimulus(
  frame: Frame,
  deviceId: string,
  action: DeviceAction,
): Stimulus | null {
  const at = frame.view.t;
  switch (action) {
    case 'raise':
      return { at, device: deviceId, action: 'raise', source: 'hand' };
    case 'withdraw':
      return { at, device: deviceId, action: 'withdraw', source: 'hand' };
    case 'toggle-enable': {
      const d = frame.view.devices[deviceId];
      if (!d) return null;
      return {
        at,
        device: deviceId,
        action: 'set-enable',
        value: d.enable ? 0 : 1,
        source: 'hand',
      };
    }
    case 'toggle-intx-disable': {
      const d = frame.view.devices[deviceId];
      if (!d) return null;
      return {
        at,
        device: deviceId,
        action: 'set-intx-disable',
        value: d.disable ? 0 : 1,
        source: 'hand',
      };
    }
  }
}

/**
 * Where an edit recomputes no future the person has been shown: the end of the
 * run, or the step a hand action made at the end landed on (what follows it is
 * only that action's consequence, not yet stepped through). Without this, a
 * second click after a first asked the "future will be recomputed" question.
 */
export interface EditFrontier {
  run: RunInfo;
  cursor: number;
}

/** True when an edit at `frame` rewrites nothing already shown (see EditFrontier). */
export function isAtEnd(frame: Frame, run: RunInfo, frontier: EditFrontier | null): boolean {
  if (frame.cursor >= run.eventCount) return true;
  return frontier !== null && frontier.run === run && frontier.cursor === frame.cursor;
}

/** A hand action in a few words, for undo's "Undid …". */
export function describeHandAction(st: Stimulus): string {
  switch (st.action) {
    case 'raise':
      return `raise ${st.device}`;
    case 'withdraw':
      return `withdraw ${st.device}`;
    case 'set-enable':
      return `${st.device} enable = ${st.value ?? 1}`;
    case 'set-intx-disable':
      return `${st.device} Interrupt Disable = ${st.value ?? 0}`;
  }
}
