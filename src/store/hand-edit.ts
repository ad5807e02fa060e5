import type { Stimulus } from '../engine/scenario';
import type { Frame } from '../protocol/api';
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

/** True when the frame is the end of the run: an edit there recomputes no shown future. */
export function isAtEnd(frame: Frame, eventCount: number): boolean {
  return frame.cursor >= eventCount;
}
