/**
 * Compile-time checks that the zod schemas produce exactly the engine's
 * types (checked by `tsc`; the runtime part only keeps vitest happy).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { TraceEvent } from '../../src/engine/events';
import type { Scenario } from '../../src/engine/scenario';
import type { Summary } from '../../src/engine/summary-types';
import type { Trace } from '../../src/engine/trace-types';
import type { scenarioSchema } from '../../src/trace-io/scenario-schema';
import type { summarySchema, traceEventSchema, traceSchema } from '../../src/trace-io/trace-schema';

type ScenarioOutput = z.output<typeof scenarioSchema>;

describe('schema output types', () => {
  it('scenario output is assignable to Scenario (and back)', () => {
    const toEngine = (parsed: ScenarioOutput): Scenario => parsed;
    const fromEngine = (scenario: Scenario): ScenarioOutput => scenario;
    void toEngine;
    void fromEngine;
    expectTypeOf<ScenarioOutput>().toEqualTypeOf<Scenario>();
  });

  it('event, summary and trace outputs equal the engine types', () => {
    expectTypeOf<z.output<typeof traceEventSchema>>().toEqualTypeOf<TraceEvent>();
    expectTypeOf<z.output<typeof summarySchema>>().toEqualTypeOf<Summary>();
    const toEngine = (parsed: z.output<typeof traceSchema>): Trace => parsed;
    void toEngine;
    expectTypeOf<z.output<typeof traceSchema>>().toExtend<Trace>();
  });
});
