/** Zod shapes for the run summary (FORMATS.md "Summary", `summary-types.ts`). */
import { z } from './zod';
import { countSchema, nsSchema } from './fields';

const count = countSchema(Number.MAX_SAFE_INTEGER, 'in one count');
/** Means are averages, so any finite non-negative number. */
const ns = nsSchema();

export const totalsSchema = z.object({
  raised: count,
  serviced: count,
  lost: count,
  spurious: count,
  isrCalls: count,
  contextSwitches: count,
  configReads: count,
  deliveries: count,
  // Added to the contract's summary: optional when reading, so older files still load.
  withdrawn: count.default(0),
  hostUnhandled: count.default(0),
  busyNs: ns.default(0),
  durationNs: ns.default(0),
  hostCpuNs: ns.optional(),
  cpuNs: ns.optional(),
});

export const entitySummarySchema = z.object({
  interrupts: count,
  spurious: count,
  isrCalls: count,
  contextSwitches: count,
  busyNs: ns,
});

export const latencySummarySchema = z.object({ min: ns, mean: ns, max: ns });

export const deviceSummarySchema = z.object({
  raised: count,
  serviced: count,
  lost: count,
  withdrawn: count.default(0),
  latencyNs: latencySummarySchema,
});

export const summarySchema = z
  .object({
    totals: totalsSchema,
    entities: z.record(z.string(), entitySummarySchema),
    devices: z.record(z.string(), deviceSummarySchema),
  })
  .meta({
    title: 'INTx Lab run summary, version 1',
    description: 'Counts derived from the trace events alone (FORMATS.md "Summary").',
  });
