/**
 * Property tests: whatever the input, readers return a result (never throw),
 * every rejection names a JSON path and a problem, and every acceptance is
 * stable (reading what was written gives the same value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyText, parseScenarioText, parseTraceText } from '../../src/trace-io/parse';
import type { ParseResult } from '../../src/trace-io/result';
import { normalizeScenario } from '../../src/trace-io/scenario-schema';
import { serializeScenario, serializeTrace } from '../../src/trace-io/serialize';
import { minimalScenarioDoc, richScenarioDoc, traceDoc } from './fixtures';
import { jsonPaths, parentAt, type Json } from '../support/json-paths';
import { expectWellFormedErrors } from './helpers';

const RUNS = 2000;

/** Values likely to hit edges: ids of the fixtures, bad numbers, wrong shapes. */
const nasty = fc.constantFrom<Json>(
  -1,
  0,
  1,
  1.5,
  2,
  1e300,
  -0.5,
  4294967296,
  '',
  'INTA',
  'INTC',
  'nic0',
  'vm1',
  'vm1-nic0',
  'raise',
  'set-enable',
  'run.end',
  '__proto__',
  'intx-lab/trace',
  null,
  true,
  [],
  {},
);
const replacement: fc.Arbitrary<Json> = fc.oneof(
  nasty,
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

interface Mutation {
  pick: number;
  /** `tweak` keeps the type (often still valid), so accepted inputs get exercised too. */
  op: 'set' | 'delete' | 'duplicate' | 'tweak';
  value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'duplicate', 'tweak', 'tweak', 'tweak'),
  value: replacement,
});

const SAME_KIND_STRINGS = ['nic0', 'usb0', 'vm1', 'vm2', 'INTA', 'INTB', 'edge', 'all', 'raise'];

function tweak(old: Json, value: Json, pick: number): Json {
  if (typeof old === 'number') {
    const delta = typeof value === 'number' ? Math.abs(value) % 1000 : pick % 7;
    return Number.isInteger(old) ? old + Math.floor(delta) : old + delta;
  }
  if (typeof old === 'string') return SAME_KIND_STRINGS[pick % SAME_KIND_STRINGS.length] ?? old;
  if (typeof old === 'boolean') return !old;
  return old;
}

function applyMutation(doc: Json, m: Mutation): Json {
  const all = jsonPaths(doc);
  const path = all[m.pick % all.length];
  if (!path) return m.value;
  const { parent, key } = parentAt(doc, path);
  if (m.op === 'set') parent[key] = m.value;
  else if (m.op === 'tweak') parent[key] = tweak(parent[key], m.value, m.pick);
  else if (Array.isArray(parent) && typeof key === 'number') {
    if (m.op === 'delete') parent.splice(key, 1);
    else parent.splice(key, 0, structuredClone(parent[key]));
  } else if (m.op === 'delete') delete parent[key];
  else parent[key] = [parent[key], parent[key]];
  return doc;
}

function mutated(base: () => Record<string, unknown>): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
    let doc = base() as Json;
    for (const m of mutations) doc = applyMutation(doc, m);
    return JSON.stringify(doc);
  });
}

function checkResult<T>(
  result: ParseResult<T>,
  serialize: (value: T) => string,
  reparse: (text: string) => ParseResult<T>,
): void {
  if (!result.ok) {
    expectWellFormedErrors(result.errors);
    return;
  }
  // Accepted values are stable: written and read again, they do not change.
  const text = serialize(result.value);
  const again = reparse(text);
  expect(again.ok).toBe(true);
  if (again.ok) expect(serialize(again.value)).toBe(text);
}

function checkScenarioText(text: string): void {
  checkResult(parseScenarioText(text), serializeScenario, parseScenarioText);
}

function checkTraceText(text: string): void {
  checkResult(parseTraceText(text), serializeTrace, parseTraceText);
}

function checkAnyText(text: string): void {
  const result = parseAnyText(text);
  if (!result.ok) expectWellFormedErrors(result.errors);
}

describe('fuzz: readers never throw and always explain', () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        checkScenarioText(text);
        checkTraceText(text);
        checkAnyText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkScenarioText(text);
        checkTraceText(text);
        checkAnyText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('random objects with a valid envelope', () => {
    const withEnvelope = fc
      .tuple(
        fc.constantFrom('intx-lab/scenario', 'intx-lab/trace'),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      )
      .map(([format, rest]) => JSON.stringify({ ...rest, format, version: 1 }));
    fc.assert(
      fc.property(withEnvelope, (text) => {
        checkScenarioText(text);
        checkTraceText(text);
        checkAnyText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated valid scenarios', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(minimalScenarioDoc), mutated(richScenarioDoc)), (text) => {
        checkScenarioText(text);
        checkAnyText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated valid traces', () => {
    fc.assert(
      fc.property(mutated(traceDoc), (text) => {
        checkTraceText(text);
        checkAnyText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary JavaScript values given to normalizeScenario', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (value) => {
        const result = normalizeScenario(value);
        if (!result.ok) expectWellFormedErrors(result.errors);
      }),
      { numRuns: RUNS },
    );
  });
});
