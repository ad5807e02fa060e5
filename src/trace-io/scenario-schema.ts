/**
 * The scenario file, version 1 (FORMATS.md "Scenario"). Parsing fills every
 * default, so the output is exactly the engine's `Scenario`. Unknown keys are
 * dropped rather than refused: newer files stay readable by older apps.
 */
import { z } from './zod';
import {
  DEFAULT_COSTS,
  DEFAULT_MAX_EVENTS,
  DEFAULT_NOBODY_CARED,
  PIN_NAMES,
  type DeviceSpec,
  type LineSpec,
  type Scenario,
} from '../engine/scenario';
import { describeValue } from './describe-value';
import { bitSchema, countSchema, entityIdSchema, idSchema, limitedArray, nsSchema } from './fields';
import { runBoundProblems } from './run-bounds';
import { trimScenario, withTrueLengths } from './size-checks';
import { LIMITS } from './limits';
import { guarded, ok, type FormatError, type ParseResult } from './result';
import { scenarioProblems } from './scenario-checks';
import { unknownFields } from './unknown-fields';
import { errorMap, issuesToErrors, ONLY_WHEN_SHAPES_ARE_VALID } from './zod-errors';

export const SCENARIO_FORMAT = 'intx-lab/scenario';

/** PCI 3.0 MSI-X: at most 2048 vectors per function. */
const MSIX_MAX_VECTORS = 2048;

function cost(key: keyof typeof DEFAULT_COSTS, description: string) {
  return nsSchema().describe(description).default(DEFAULT_COSTS[key]);
}

/** Partial in the file; each missing cost takes its documented default. */
export const costsSchema = z
  .object({
    contextSwitchNs: cost('contextSwitchNs', 'VM world switch into the entity (exit + entry)'),
    threadWakeNs: cost('threadWakeNs', 'Waking a threaded handler instead of switching to a VM'),
    deliveryNs: cost('deliveryNs', 'Controller delivery of the physical interrupt'),
    hostEntryNs: cost('hostEntryNs', "The host monitor's entry into its handler"),
    configReadNs: cost('configReadNs', "One host read of a device's Command+Status dword"),
    configWriteNs: cost('configWriteNs', 'One host write of Command bit 10'),
    isrCallNs: cost('isrCallNs', 'One ISR call: read its device register'),
    serviceNs: cost('serviceNs', "The claiming ISR's work to service its device"),
    flushReadNs: cost('flushReadNs', 'Read-back that flushes posted writes'),
    eoiNs: cost('eoiNs', 'End-of-interrupt write'),
    // Added after v1's first release: optional without a filled default, so a
    // scenario that does not set them is, and serializes, exactly as before.
    injectNs: nsSchema()
      .optional()
      .describe('The host injecting one virtual interrupt into an entity (default 0)'),
    threadWakeCpuNs: nsSchema()
      .optional()
      .describe('CPU time of a thread wake-up; threadWakeNs is its latency (default threadWakeNs)'),
  })
  .default(() => ({ ...DEFAULT_COSTS }))
  .describe('Costs in simulated nanoseconds: illustrative assumptions, not measurements');

export const lineSchema = z.object({
  id: idSchema(),
  trigger: z.enum(['level', 'edge']).default('level'),
});

export const deviceSchema = z.object({
  id: idSchema(),
  line: idSchema().describe('The host line the pin reaches (after any bridge swizzle)'),
  owners: limitedArray(idSchema(), LIMITS.entities, 'owners').describe('Entity ids'),
  pci23: z.boolean().default(true).describe('Has Status bit 3 and Command bit 10 (PCI 2.3)'),
  statusReliable: z.boolean().default(true).describe('The host may trust Status bit 3'),
  deassertDelayNs: nsSchema().default(0).describe('Cause cleared -> line de-asserts this later'),
  enabled: z.boolean().default(true).describe('Initial device-specific interrupt enable'),
  pin: z.enum(PIN_NAMES).nullable().default(null).describe('Device pin behind a bridge'),
  bridgeSlot: countSchema(LIMITS.bridgeSlot, 'slot number')
    .nullable()
    .default(null)
    .describe('Slot behind a PCI-to-PCI bridge; line must equal the swizzled pin'),
  // Added after v1's first release: optional without a filled default, so a device
  // that does not set them is, and serializes, exactly as before.
  interrupt: z
    .enum(['intx', 'msi', 'msix'])
    .optional()
    .describe('INTx pin on the line (default), or a message-signalled interrupt (MSI, MSI-X)'),
  vectors: countSchema(MSIX_MAX_VECTORS, 'MSI-X vectors', 1)
    .optional()
    .describe('MSI-X vectors, one per queue, used in turn (default 1)'),
});

export const isrSchema = z.object({
  id: idSchema(),
  device: idSchema().nullable().describe('Device served; null for one not on this line'),
  flushPostedWrites: z.boolean().default(false),
  ackAfterEoi: z
    .boolean()
    .optional()
    .describe('The driver acknowledges its device only after its EOI (default false)'),
});

export const entitySchema = z.object({
  id: entityIdSchema(),
  isrs: limitedArray(isrSchema, LIMITS.isrsPerEntity, 'ISRs per entity').describe(
    'The ISR chain, in call order',
  ),
});

export const stimulusSchema = z.object({
  at: nsSchema().describe('Time in ns; stimuli at the same time apply in array order'),
  device: idSchema(),
  action: z.enum(['raise', 'withdraw', 'set-enable', 'set-intx-disable']),
  value: bitSchema().optional().describe('New bit value for set-enable / set-intx-disable'),
  source: z.enum(['scenario', 'hand']).optional(),
});

export const trafficSchema = z.object({
  device: idSchema(),
  meanIntervalNs: nsSchema(),
  count: countSchema(LIMITS.trafficCount, 'raises per traffic entry'),
  startNs: nsSchema().default(0),
});

export const nobodyCaredSchema = z
  .object({
    enabled: z.boolean().default(DEFAULT_NOBODY_CARED.enabled),
    window: countSchema(LIMITS.nobodyCaredWindow, 'interrupts per window', 1).default(
      DEFAULT_NOBODY_CARED.window,
    ),
    threshold: countSchema(LIMITS.nobodyCaredWindow, 'unhandled interrupts', 1).default(
      DEFAULT_NOBODY_CARED.threshold,
    ),
  })
  .default(() => ({ ...DEFAULT_NOBODY_CARED }))
  .describe('Linux "nobody cared" spurious-interrupt detector');

const seedSchema = z.int().min(0, { error: seedMessage }).max(LIMITS.seed, { error: seedMessage });

function seedMessage(issue: { input: unknown }): string {
  return `must be a whole number from 0 to ${LIMITS.seed} (got ${describeValue(issue.input)})`;
}

/** The file's shapes, before the defaults that depend on other fields. */
const scenarioObjectSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(1),
  name: z.string().max(LIMITS.nameLength, { error: `at most ${LIMITS.nameLength} characters` }),
  description: z.string().max(LIMITS.descriptionLength).default(''),
  seed: seedSchema.default(1).describe('The only source of randomness'),
  policy: z.enum(['native', 'broadcast', 'selective']),
  hostMask: z
    .enum(['line', 'device'])
    .optional()
    .describe(
      'How the selective host masks: "device" (Command bit 10, default) or "line"; broadcast always masks the line',
    ),
  forwardDeviceId: z.boolean().default(false),
  chainWalk: z.enum(['until-claimed', 'all']).default('until-claimed'),
  entityKind: z.enum(['vm', 'thread']).default('vm'),
  costs: costsSchema,
  lines: limitedArray(lineSchema, LIMITS.lines, 'lines')
    .optional()
    .describe('Default: one level line per distinct device line, in order of appearance'),
  devices: limitedArray(deviceSchema, LIMITS.devices, 'devices'),
  entities: limitedArray(entitySchema, LIMITS.entities, 'entities'),
  stimuli: limitedArray(stimulusSchema, LIMITS.stimuli, 'stimuli').default(() => []),
  traffic: limitedArray(trafficSchema, LIMITS.trafficEntries, 'traffic entries').default(() => []),
  nobodyCared: nobodyCaredSchema,
  untilNs: nsSchema().nullable().default(null).describe('Stop the run at this time'),
  maxEvents: countSchema(LIMITS.maxEvents, 'events', 1).default(DEFAULT_MAX_EVENTS),
  pcpus: countSchema(LIMITS.entities, 'physical CPUs', 1)
    .nullable()
    .optional()
    .describe('Physical CPUs the entities share; absent: one per entity'),
  host: z
    .enum(['patent', 'xen', 'vfio', 'kvm'])
    .optional()
    .describe("The host's real behaviour to follow (default patent, the patent's ideal)"),
  kvmResample: z
    .enum(['eoi', 'unmask'])
    .optional()
    .describe('KVM: re-check the device on the guest EOI (default) or once its handler is done'),
});

type ScenarioObject = z.output<typeof scenarioObjectSchema>;

function linesFromDevices(devices: readonly DeviceSpec[]): LineSpec[] {
  const ids = [...new Set(devices.map((d) => d.line))];
  return ids.map((id) => ({ id, trigger: 'level' }));
}

/** Defaults that depend on other fields; the return type pins the output to `Scenario`. */
function fillDerivedDefaults(s: ScenarioObject): Scenario {
  return {
    format: s.format,
    version: s.version,
    name: s.name,
    description: s.description,
    seed: s.seed,
    policy: s.policy,
    // Only the selective host reads it (broadcast cannot identify a device, so it always
    // masks the line); one default for every policy keeps a policy switch meaningful.
    hostMask: s.hostMask ?? 'device',
    forwardDeviceId: s.forwardDeviceId,
    chainWalk: s.chainWalk,
    entityKind: s.entityKind,
    costs: s.costs,
    lines: s.lines ?? linesFromDevices(s.devices),
    devices: s.devices,
    entities: s.entities,
    stimuli: s.stimuli,
    traffic: s.traffic,
    nobodyCared: s.nobodyCared,
    untilNs: s.untilNs,
    maxEvents: s.maxEvents,
    // Optional fields appear only when the file sets them, so older files keep their bytes.
    ...(s.pcpus !== undefined ? { pcpus: s.pcpus } : {}),
    ...(s.host !== undefined ? { host: s.host } : {}),
    ...(s.kvmResample !== undefined ? { kvmResample: s.kvmResample } : {}),
  };
}

/** Scenario file -> engine `Scenario`, with the cross-field rules applied. */
export const scenarioSchema = scenarioObjectSchema
  .transform(fillDerivedDefaults)
  .superRefine((scenario, ctx) => {
    const problems = scenarioProblems(scenario);
    // Bounds are estimated only for a scenario whose references resolve.
    if (problems.length === 0) problems.push(...runBoundProblems(scenario));
    for (const problem of problems) {
      ctx.addIssue({
        code: 'custom',
        path: problem.path,
        message: problem.message,
        input: scenario,
      });
    }
  }, ONLY_WHEN_SHAPES_ARE_VALID)
  .meta({
    title: 'INTx Lab scenario, version 1',
    description: 'A shared PCI INTx setup and what happens on it (FORMATS.md "Scenario").',
  });

/**
 * Warnings for the fields of an already-migrated scenario document that the
 * format does not know (they are ignored): name, JSON path and the near name.
 */
export function scenarioWarnings(doc: unknown): FormatError[] {
  return unknownFields(doc, scenarioObjectSchema);
}

/**
 * Validates an already-parsed, already-migrated document and fills defaults.
 * Never throws: bad input comes back as errors with JSON paths.
 */
export function normalizeScenario(input: unknown): ParseResult<Scenario> {
  return guarded(() => {
    const trimmed = trimScenario(input);
    const result = scenarioSchema.safeParse(trimmed.doc, { error: errorMap });
    if (result.success) return ok(result.data);
    return {
      ok: false,
      errors: withTrueLengths(issuesToErrors(result.error.issues), trimmed.messages),
    };
  });
}
