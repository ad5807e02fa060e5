import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, type ImportFormats } from '../../src/import/formats';
import { openFileBytes } from '../../src/import/open-file';
import type { Migration } from '../../src/trace-io/migrations';
import { bytesOf, exportedTraceText, scenarioText } from './helpers';

/**
 * A made-up future: scenario version 2 renamed `policy` to `forwarding`, and
 * trace version 2 renamed `engine` to `producer`. The steps here go the other
 * way round (a version-2 app reading version-1 files), so the files on disk
 * are today's, the upgrade runs, and validation (still version 1) checks it.
 */
const scenarioStep: Migration = {
  to: 2,
  note: 'the seed moved into "random.seed"',
  up: ({ seed, ...rest }) => ({ ...rest, random: { seed } }),
};
const traceStep: Migration = {
  to: 2,
  note: 'the engine name became "producer"',
  up: ({ engine, ...rest }) => ({ ...rest, producer: engine }),
};

/** Validation of the made-up version 2: undo the step, then validate as today. */
function backToOne(doc: unknown): Record<string, unknown> {
  const { random, producer, ...rest } = doc as Record<string, unknown>;
  const back: Record<string, unknown> = { ...rest, version: 1 };
  if (random !== undefined) back['seed'] = (random as { seed: unknown }).seed;
  if (producer !== undefined) back['engine'] = producer;
  if (typeof back['scenario'] === 'object' && back['scenario'] !== null) {
    back['scenario'] = backToOne(back['scenario']);
  }
  return back;
}

const FUTURE: ImportFormats = {
  scenario: {
    ...DEFAULT_FORMATS.scenario,
    migrations: [scenarioStep],
    normalize: (doc) => DEFAULT_FORMATS.scenario.normalize(backToOne(doc)),
    warnings: (doc) => DEFAULT_FORMATS.scenario.warnings(backToOne(doc)),
  },
  trace: {
    ...DEFAULT_FORMATS.trace,
    migrations: [traceStep],
    normalize: (doc) => DEFAULT_FORMATS.trace.normalize(backToOne(doc)),
  },
};

describe('migration notes reach the page', () => {
  it('lists each upgrade step applied to a scenario', () => {
    const result = openFileBytes(bytesOf(scenarioText('storm')), 'old.json', undefined, FUTURE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.doc.migrationNotes).toEqual([
      'Scenario upgraded from version 1 to 2: the seed moved into "random.seed"',
    ]);
    expect(result.doc.kind).toBe('scenario');
  });

  it('lists the trace steps and those of its embedded scenario', async () => {
    const text = await exportedTraceText('fig4-selective');
    const result = openFileBytes(bytesOf(text), 'old.trace.json', undefined, FUTURE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.doc.migrationNotes).toEqual([
      'Trace upgraded from version 1 to 2: the engine name became "producer"',
      'Its scenario upgraded from version 1 to 2: the seed moved into "random.seed"',
    ]);
  });

  it('a file already at the latest version has no notes', () => {
    const result = openFileBytes(bytesOf(scenarioText('storm')), 'new.json');
    expect(result.ok && result.doc.migrationNotes).toEqual([]);
  });

  it('a failing step is a refusal at $ naming the step, not an exception', () => {
    const broken: ImportFormats = {
      ...FUTURE,
      scenario: {
        ...FUTURE.scenario,
        migrations: [
          {
            to: 2,
            note: 'splits lines',
            up: () => {
              throw new Error('lines is not an array');
            },
          },
        ],
      },
    };
    const result = openFileBytes(bytesOf(scenarioText('storm')), 's.json', undefined, broken);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        file: 's.json',
        path: '$',
        message: 'cannot upgrade from version 1 to 2 (splits lines): lines is not an array',
      },
    ]);
  });
});
