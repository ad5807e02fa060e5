/**
 * The importer as the page uses it (bytes -> session), fed random and mutated
 * scenario and trace files: it never throws, every refusal names the file, a
 * JSON path and a problem, and a refused file leaves the current run as it
 * was. Absurd inputs get a clear limit message, quickly.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/presets';
import type { OpenFileResult } from '../../src/protocol/api';
import { normalizeScenario, serializeScenario } from '../../src/trace-io';
import { INTERNAL_ERROR } from '../../src/trace-io/result';
import { SimSession } from '../../src/worker/session';
import { minimalScenarioDoc, richScenarioDoc, traceDoc } from './fixtures';

const RUNS = 1000;
const FILE = 'fuzzed.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let session: SimSession;
let eventCount = 0;
let exportedTrace = '';
let presetScenario = '';

beforeAll(async () => {
  const preset = normalizeScenario(findPreset('fig4-selective')?.file);
  if (!preset.ok) throw new Error('preset is not valid');
  presetScenario = serializeScenario(preset.value);
  session = new SimSession();
  eventCount = (await session.load(preset.value)).eventCount;
  exportedTrace = (await session.exportFile('trace')).text;
});

function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Opens `data`; a refusal must be well formed and leave the session's run untouched. */
async function open(data: Uint8Array<ArrayBuffer>): Promise<OpenFileResult> {
  const copy = data.slice();
  const result = await session.openFile(copy.buffer, FILE);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.file).toBe(FILE);
      expect(e.path.startsWith('$'), e.path).toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message).not.toContain(INTERNAL_ERROR);
    }
    expect(await session.cursorAtTime(Number.MAX_SAFE_INTEGER)).toBe(eventCount);
  } else if (result.kind === 'trace') {
    // An accepted trace became the run: restore the reference run for the next case.
    expect(result.run.imported).toBe(true);
    await session.openFile(bytes(exportedTrace).buffer, 'reference.json');
    eventCount = await session.cursorAtTime(Number.MAX_SAFE_INTEGER);
  }
  return result;
}

/** One random change somewhere in a document: set, delete or duplicate a value. */
function mutate(doc: Json, pick: number, op: number, value: Json): Json {
  const paths: (string | number)[][] = [];
  const walk = (node: Json, at: (string | number)[]) => {
    if (Array.isArray(node))
      node.forEach((item, i) => (paths.push([...at, i]), walk(item, [...at, i])));
    else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        paths.push([...at, key]);
        walk(item, [...at, key]);
      }
    }
  };
  walk(doc, []);
  const path = paths[pick % Math.max(1, paths.length)];
  if (!path) return value;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let parent: any = doc;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  const key = path[path.length - 1]!;
  if (op % 3 === 0) parent[key] = value;
  else if (op % 3 === 1) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  } else parent[key] = [parent[key], parent[key]];
  return doc;
}

const hostile = fc.constantFrom<Json>(
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  '\u0000',
  '\uFEFF',
  '\ud800',
  -1,
  -0.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  null,
  [],
  {},
);
const replacement = fc.oneof(hostile, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>);
const mutations = fc.array(fc.tuple(fc.nat(), fc.nat(), replacement), {
  minLength: 1,
  maxLength: 4,
});

function mutatedText(base: () => Json): fc.Arbitrary<string> {
  return mutations.map((steps) => {
    let doc = base();
    for (const [pick, op, value] of steps) doc = mutate(doc, pick, op, value);
    return JSON.stringify(doc) ?? 'null';
  });
}

describe('fuzz: the importer', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (data) => {
        await open(data);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid files cut short or with bytes flipped', async () => {
    const files = [presetScenario, exportedTrace].map(bytes);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        async (which, cut, flips) => {
          const file = files[which]!;
          const data = file.slice(0, Math.floor(file.length * cut));
          for (const [at, byte] of flips) if (data.length > 0) data[at % data.length] = byte;
          await open(data);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('mutated scenarios and traces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedText(() => minimalScenarioDoc() as Json),
          mutatedText(() => richScenarioDoc() as Json),
          mutatedText(() => traceDoc() as Json),
          mutatedText(() => JSON.parse(exportedTrace) as Json),
        ),
        async (text) => {
          await open(bytes(text));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random objects in a valid envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('intx-lab/scenario', 'intx-lab/trace'),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        async (format, rest) => {
          await open(bytes(JSON.stringify({ ...rest, format, version: 1 })));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('absurd inputs get a clear message', () => {
  const scenario = () =>
    JSON.parse(presetScenario) as Record<string, unknown> & {
      devices: Record<string, unknown>[];
      entities: Record<string, unknown>[];
      stimuli: Record<string, unknown>[];
    };

  async function problems(text: string): Promise<string[]> {
    const result = await open(bytes(text));
    return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  }

  it('a million VMs: the limit message, without reading every VM', async () => {
    const doc = scenario();
    doc.entities = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `vm${i}`, isrs: [] }));
    expect(await problems(JSON.stringify(doc))).toContain(
      '$.entities: at most 1,024 entities are supported (got 1,000,000)',
    );
    // Validation alone (after the JSON syntax) used to take about ten seconds here.
    const start = performance.now();
    const result = normalizeScenario(doc);
    const elapsed = performance.now() - start;
    expect(result.ok).toBe(false);
    expect(elapsed).toBeLessThan(1000);
  });

  it('negative times, infinite or NaN costs', async () => {
    const negative = scenario();
    negative.stimuli[0]!['at'] = -5;
    expect(await problems(JSON.stringify(negative))).toEqual([
      '$.stimuli[0].at: must not be negative (got -5)',
    ]);
    const infinite = JSON.stringify({ ...scenario(), costs: { contextSwitchNs: 7 } }).replace(
      '"contextSwitchNs":7',
      '"contextSwitchNs":1e400',
    );
    expect(await problems(infinite)).toEqual([
      '$.costs.contextSwitchNs: expected a finite number, got Infinity',
    ]);
    const nan = JSON.stringify({ ...scenario(), costs: { contextSwitchNs: 'NaN' } });
    expect(await problems(nan)).toEqual(['$.costs.contextSwitchNs: expected a number, got "NaN"']);
  });

  it('ids that point back at themselves or at the wrong kind of thing', async () => {
    const selfOwned = scenario();
    const device = selfOwned.devices[0]!;
    device['owners'] = [device['id']];
    const found = await problems(JSON.stringify(selfOwned));
    expect(found[0]).toMatch(/^\$\.devices\[0\]\.owners\[0\]: unknown entity "nic0"/);

    const duplicated = scenario();
    duplicated.devices[1]!['id'] = duplicated.devices[0]!['id'];
    expect((await problems(JSON.stringify(duplicated)))[0]).toMatch(
      /^\$\.devices\[1\]\.id: duplicate device id "nic0" \(first at \$\.devices\[0\]\.id\)/,
    );
  });

  it('a file too large to hold in memory is refused before decoding', async () => {
    const { MAX_FILE_BYTES } = await import('../../src/import/decode');
    const { openFileBytes } = await import('../../src/import/open-file');
    // A view that claims the size without allocating it.
    const huge = { byteLength: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    const result = openFileBytes(huge, 'huge.json');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'the file is 400.0 MB; at most 400.0 MB can be opened',
    ]);
  });
});
