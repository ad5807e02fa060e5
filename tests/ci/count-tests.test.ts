import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  countTests,
  formatCounts,
  parseStateString,
  plainLines,
} from '../../scripts/count-tests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const script = resolve(here, '../../scripts/count-tests.mjs');
const fixture = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');

const ESC = '\u001b';
const summary = (files: string, tests: string, extra = '') =>
  `\n Test Files  ${files}\n      Tests  ${tests}\n${extra}   Start at  10:00:00\n   Duration  1.00s\n`;
const banner = (root = '/repo') => `\n RUN  v4.1.12 ${root}\n\n`;

describe('parseStateString', () => {
  test('reads every kind of count', () => {
    expect(
      parseStateString('1 failed | 3 passed | 1 expected fail | 1 skipped | 1 todo (7)'),
    ).toEqual({
      failed: 1,
      passed: 3,
      expectedFail: 1,
      skipped: 1,
      todo: 1,
    });
  });

  test('treats "no tests" as zero', () => {
    expect(parseStateString('no tests')).toEqual({
      failed: 0,
      passed: 0,
      expectedFail: 0,
      skipped: 0,
      todo: 0,
    });
  });
});

describe('plainLines', () => {
  test('drops colour codes and keeps the last redraw of a line', () => {
    expect(plainLines(`${ESC}[32mok${ESC}[39m\nfirst\rsecond\r\nthird`)).toEqual([
      'ok',
      'second',
      'third',
    ]);
  });
});

describe('countTests on real vitest output', () => {
  test('passing and failing tests, a file that fails to load, with colours', () => {
    // Tests  1 failed | 3 passed | 1 expected fail | ... plus "Failed Suites 1"
    expect(countTests(fixture('color-failures.log'))).toMatchObject({ passed: 4, failed: 2 });
  });

  test('a file that cannot be imported counts as a failure', () => {
    expect(countTests(fixture('import-failure.log'))).toMatchObject({ passed: 0, failed: 1 });
  });

  test('failing beforeAll/afterAll hooks count although their tests are only skipped', () => {
    expect(countTests(fixture('hook-failures.log'))).toMatchObject({ passed: 1, failed: 2 });
  });

  test('unhandled errors count as failures', () => {
    expect(countTests(fixture('unhandled-error.log'))).toMatchObject({ passed: 2, failed: 1 });
  });

  test('a run that stops before its summary (failing globalSetup) counts as one failure', () => {
    expect(countTests(fixture('global-setup-error.log'))).toMatchObject({
      passed: 0,
      failed: 1,
      runs: [{ passed: 0, failed: 1 }],
    });
  });

  test('sums the unit and e2e runs of `npm test`', () => {
    const result = countTests(fixture('npm-test-two-runs.log'));
    expect(result.runs).toEqual([
      { passed: 1, failed: 0 },
      { passed: 4, failed: 2 },
    ]);
    expect(formatCounts(result)).toBe('5 passed, 2 failed');
  });
});

describe('countTests on synthetic output', () => {
  test('the summary of a single run is counted once even when printed twice', () => {
    const log =
      banner() + summary('1 passed (1)', '3 passed (3)') + summary('2 passed (2)', '5 passed (5)');
    expect(countTests(log)).toMatchObject({
      passed: 5,
      failed: 0,
      runs: [{ passed: 5, failed: 0 }],
    });
  });

  test('lines that only look like a summary are ignored', () => {
    const log =
      banner() +
      'stdout | a.test.ts\n      Tests  99 failed (99)\n' +
      summary('1 passed (1)', '2 passed (2)');
    expect(countTests(log)).toMatchObject({ passed: 2, failed: 0 });
  });

  test('colour codes inside the summary do not matter', () => {
    const log =
      banner() +
      `${ESC}[2m Test Files ${ESC}[22m ${ESC}[1m${ESC}[31m1 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m1 passed${ESC}[39m${ESC}[22m${ESC}[90m (2)${ESC}[39m\n` +
      `${ESC}[2m      Tests ${ESC}[22m ${ESC}[1m${ESC}[31m2 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m10 passed${ESC}[39m${ESC}[22m${ESC}[90m (12)${ESC}[39m\n`;
    expect(countTests(log)).toMatchObject({ passed: 10, failed: 2 });
  });

  test('summaries without a RUN banner are each counted', () => {
    const log =
      summary('1 passed (1)', '3 passed (3)') + summary('1 failed (1)', '1 failed | 1 passed (2)');
    expect(countTests(log)).toMatchObject({ passed: 4, failed: 1 });
  });

  test('failed files are counted when nothing else explains them', () => {
    const log = banner() + summary('1 failed | 1 passed (2)', '4 passed (4)');
    expect(countTests(log)).toMatchObject({ passed: 4, failed: 1 });
  });

  test('no vitest output at all', () => {
    expect(countTests('npm ERR! something went wrong\n')).toEqual({
      runs: [],
      passed: 0,
      failed: 0,
    });
  });
});

describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'count-tests-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (content: string | null) => {
    const file = join(dir, `log-${Math.random().toString(36).slice(2)}.txt`);
    if (content !== null) writeFileSync(file, content);
    const result = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout };
  };

  test('all passing: exit 0', () => {
    expect(run(banner() + summary('2 passed (2)', '12 passed (12)'))).toEqual({
      status: 0,
      stdout: '12 passed, 0 failed\n',
    });
  });

  test('any failure: exit 1', () => {
    expect(run(fixture('npm-test-two-runs.log'))).toEqual({
      status: 1,
      stdout: '5 passed, 2 failed\n',
    });
  });

  test('no summary, or no file: exit 2', () => {
    expect(run('nothing here\n')).toEqual({ status: 2, stdout: '0 passed, 0 failed\n' });
    expect(run(null)).toEqual({ status: 2, stdout: '0 passed, 0 failed\n' });
  });
});
