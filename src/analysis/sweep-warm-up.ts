import type { SweepPointSpec } from './sweep-plan';
import { DEFAULT_SWEEP, type SweepRequest } from './sweep-request';

/** One small run that warms a worker's engine: a sweep point at few raises. */
export interface WarmUpRun {
  request: SweepRequest;
  spec: SweepPointSpec;
}

/**
 * What a worker runs while the Compare workspace is open and nothing is asked of
 * it, so that the first point of a sweep runs in code V8 has already optimized: on
 * a cold worker the engine's first million events run 2 to 4 times slower than the
 * rest (measured in Node and Chromium), about 0.3 s lost per worker. The same
 * family as the sweep, each policy's code paths, in small runs (the largest about
 * 40,000 events, a few ms once warm and some tens of ms cold; the first ones a fifth
 * of that), so a point asked for meanwhile waits at most one of them. The numbers are thrown away.
 */
export function warmUpRuns(): WarmUpRun[] {
  const at = (raises: number): SweepRequest => ({ ...DEFAULT_SWEEP, raises: Math.round(raises) });
  const point = (vms: number, chain: number, policy: SweepPointSpec['policy']) => ({
    axis: 'vms' as const,
    value: vms,
    vms,
    chain,
    policy,
  });
  // `scale` 1: about 100,000 events a round; the first round is a fifth of that, so a
  // click that comes while the cold engine runs it waits the least.
  const round = (scale: number): WarmUpRun[] => [
    { request: at(60 * scale), spec: point(64, 4, 'broadcast') },
    { request: at(300 * scale), spec: point(64, 4, 'selective') },
    { request: at(300 * scale), spec: point(16, 4, 'msi') },
    { request: at(100 * scale), spec: point(16, 16, 'broadcast') },
  ];
  return [...round(0.2), ...round(1), ...round(1), ...round(1), ...round(1)];
}
