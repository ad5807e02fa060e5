import type { ImportProgress, ImportStage } from '../protocol/api';

/** Where each stage starts and ends on the 0..1 scale the dialog shows. */
const STAGE_SPAN: Readonly<Record<ImportStage, readonly [number, number]>> = {
  decode: [0, 0.3],
  syntax: [0.3, 0.5],
  envelope: [0.5, 0.55],
  validate: [0.55, 0.85],
  replay: [0.85, 1],
};

export type ProgressSink = (progress: ImportProgress) => void;

/**
 * Maps "this far through this stage" to the overall fraction and drops any
 * report that would not move forward (or name a new stage), so the bar never
 * goes back.
 */
export function progressReporter(
  sink: ProgressSink | undefined,
): (stage: ImportStage, withinStage: number) => void {
  let last = -1;
  let lastStage: ImportStage | null = null;
  return (stage, withinStage) => {
    if (!sink) return;
    const [from, to] = STAGE_SPAN[stage];
    const clamped = Math.min(1, Math.max(0, withinStage));
    const fraction = from + (to - from) * clamped;
    // A new stage is worth a report even where the previous one ended.
    if (fraction < last || (fraction === last && stage === lastStage)) return;
    last = fraction;
    lastStage = stage;
    // A throwing listener must not break the reading itself.
    try {
      // Through comlink the call answers a promise; nobody needs to wait for it.
      const answer: unknown = sink({ stage, fraction });
      if (answer instanceof Promise) answer.catch(() => {});
    } catch {
      // ignored: progress is advisory
    }
  };
}
