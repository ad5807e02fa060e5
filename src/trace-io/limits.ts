/**
 * Upper limits on scenario and trace sizes. They keep an absurd file (a million
 * VMs, a billion raises) from freezing the browser before the user sees a
 * message; they are generous for anything a person would build to learn from.
 */
export const LIMITS = Object.freeze({
  /** Characters in an id (device, entity, line, ISR). */
  idLength: 64,
  nameLength: 200,
  descriptionLength: 20_000,
  lines: 256,
  devices: 256,
  entities: 1024,
  isrsPerEntity: 64,
  stimuli: 1_000_000,
  trafficEntries: 1024,
  /** Raises of one traffic entry. */
  trafficCount: 10_000_000,
  maxEvents: 50_000_000,
  nobodyCaredWindow: 10_000_000,
  /** PCI device numbers on a bus are 0..31. */
  bridgeSlot: 31,
  /** Seeds are unsigned 32-bit so every seed names a different random sequence. */
  seed: 0xffff_ffff,
  /** Times stay exact integers up to here; beyond it, nanosecond steps get lost. */
  timeNs: Number.MAX_SAFE_INTEGER,
  /** Trace events of one file (matches the largest allowed maxEvents plus the run.end). */
  traceEvents: 50_000_001,
});
