/** Builds drafts by applying edits, the way the editor does. */
import { applyEdit, emptyDraft, type Draft, type EditOp } from '../../src/editor';

export function build(ops: readonly EditOp[], from: Draft = emptyDraft()): Draft {
  return ops.reduce(applyEdit, from);
}

/**
 * nic0 owned by vm1 with an ISR, one raise at 1 ms: the smallest runnable
 * draft. The VM added after the device adopts it and gets its ISR.
 */
export const MINIMAL: readonly EditOp[] = [
  { type: 'addDevice' },
  { type: 'renameDevice', device: 0, id: 'nic0' },
  { type: 'addEntity' },
  { type: 'addStimulus', stimulus: { at: 1_000_000, device: 'nic0', action: 'raise' } },
];
