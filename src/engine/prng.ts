/**
 * Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the engine
 * state, so snapshots and replays reproduce every draw.
 */
export function seedState(seed: number): number {
  // Mix the seed so that small seeds (1, 2, 3...) do not start correlated.
  let x = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Purposes that draw random numbers. Each has its own stream derived from the
 * scenario's seed, so drawing for one purpose never shifts another: the
 * traffic's raise times are the same under every policy even when a quirky
 * device's Status reads draw noise under selective only.
 */
export const Stream = { Traffic: 0, StatusNoise: 1 } as const;
export type StreamId = (typeof Stream)[keyof typeof Stream];

/**
 * The initial state of one purpose's stream. The traffic stream is the seed's
 * own state (old scenarios keep their raise times); every other stream mixes a
 * distinct odd constant into the seed before the same finaliser.
 */
export function streamState(seed: number, stream: StreamId): number {
  if (stream === Stream.Traffic) return seedState(seed);
  return seedState((Math.trunc(seed) ^ Math.imul(stream, 0x632be5ab)) >>> 0);
}

/** Advance the state; returns the new state and a float in [0, 1). */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  const value = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  return [s, value];
}

/** An exponentially distributed interval with the given mean, whole nanoseconds, at least 1. */
export function exponentialNs(u: number, meanNs: number): number {
  return Math.max(1, Math.round(-meanNs * Math.log(1 - u)));
}
