import type { Stimulus } from '../engine/scenario';
import { LIMITS } from '../trace-io/limits';
import type { Frame, RunInfo } from '../protocol/api';
import type { DeviceAction } from './types';

/**
 * When a hand action at `frame` happens: one nanosecond after the instant on screen.
 * The events shown so far may be only some of that instant's micro-steps (a raise,
 * its Status, its pin and the line rise are one instant), and a stimulus applies at
 * its instant before anything the run schedules for it (the scenario's inputs are on
 * the agenda from the start, stimuli.ts): at the frame's own time the action would
 * come before events already shown, and rewrite them (a toggle could even undo
 * itself, the host's write that followed it on screen now coming after it). One
 * nanosecond later, every event shown stays as it was. With nothing shown yet
 * (cursor 0) it is the frame's time; so it is when the run cannot go past the frame's
 * time (its `untilNs`, or the longest time a scenario may name).
 */
export function handActionTime(frame: Frame, untilNs: number | null): number {
  const t = frame.view.t;
  if (frame.cursor === 0) return t;
  const after = t + 1;
  return after > LIMITS.timeNs || (untilNs !== null && after > untilNs) ? t : after;
}

/**
 * The stimulus a hand action on a device records (at `handActionTime`). Toggles
 * read the device's current bit from the frame, so the recorded value is what
 * the person saw flip; the stimulus carries the value so the trace replays exactly.
 */
export function handStimulus(
  frame: Frame,
  deviceId: string,
  action: DeviceAction,
  untilNs: number | null = null,
): Stimulus | null {
  const at = handActionTime(frame, untilNs);
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
