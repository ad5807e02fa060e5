#!/usr/bin/env node
// Sums the results of every vitest run found in a log file and prints one line:
//
//   N passed, N failed
//
// Usage: node scripts/count-tests.mjs LOGFILE
//
// Exit status: 0 when nothing failed, 1 when anything failed, 2 when the log
// holds no vitest summary at all (or cannot be read).
//
// What is counted, per vitest run (a run starts at vitest's " RUN  vX.Y.Z"
// banner; only the last summary of a run counts, so a repeated summary is not
// counted twice):
//   passed = "N passed" + "N expected fail" of the "Tests" summary line
//   failed = "N failed" of the "Tests" line
//          + N of the "Failed Suites N" banner (files that could not be loaded,
//            failing beforeAll/afterAll hooks: vitest reports their tests as
//            skipped, not failed)
//          + N of the "Errors  N errors" summary line (unhandled errors)
//          and, should all of these be 0 while "Test Files" reports failed
//          files, the number of failed files.
// A run whose banner is followed by no summary at all (vitest stopped early,
// e.g. an error in globalSetup) counts as 1 failed.
// Colour codes, cursor movement and carriage returns are ignored.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const RUN_BANNER = /^\s*(?:RUN|DEV)\s+v\d+\.\d+/;
const FAILED_SUITES_BANNER = /Failed Suites (\d+)/;
const TEST_FILES_LINE = /^\s*Test Files\s+(.*)$/;
const TESTS_LINE = /^\s*Tests\s+(.*)$/;
const ERRORS_LINE = /^\s*Errors\s+(\d+) errors?\s*$/;
const SUMMARY_END = /^\s*(?:Start at|Duration)\s/;

/** Turns "1 failed | 11 passed | 2 skipped (14)" into { failed: 1, passed: 11, ... }. */
export function parseStateString(text) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, expectedFail: 0 };
  const body = text.replace(/\(\d+\)\s*$/, '');
  for (const part of body.split('|')) {
    const match = /^\s*(\d+)\s+(passed|failed|skipped|todo|expected fail)\s*$/.exec(part);
    if (!match) continue;
    const key = match[2] === 'expected fail' ? 'expectedFail' : match[2];
    counts[key] += Number(match[1]);
  }
  return counts;
}

/** Splits raw terminal output into plain text lines. */
export function plainLines(text) {
  return stripVTControlCharacters(text)
    .split(/\n/)
    .map((line) => {
      // A carriage return redraws the line: keep what was written last.
      const parts = line.split('\r').filter((part) => part.length > 0);
      return parts.length ? parts[parts.length - 1] : '';
    });
}

/**
 * Finds the vitest summaries in `text`.
 * Returns { runs: [{ passed, failed }], passed, failed }.
 */
export function countTests(text) {
  const lines = plainLines(text);
  const runs = [];
  let inRun = false; // whether a RUN banner was seen for the run being read
  let current = null; // last summary of the run being read
  let failedSuites = 0; // from the "Failed Suites N" banner of the run being read

  const finishRun = () => {
    if (current) runs.push(current);
    // A run that started but printed no summary crashed (e.g. in globalSetup).
    else if (inRun) runs.push({ passed: 0, failed: 1 });
    current = null;
    failedSuites = 0;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (RUN_BANNER.test(line)) {
      finishRun();
      inRun = true;
      continue;
    }
    const suitesMatch = FAILED_SUITES_BANNER.exec(line);
    if (suitesMatch) {
      failedSuites = Number(suitesMatch[1]);
      continue;
    }
    const filesMatch = TEST_FILES_LINE.exec(line);
    if (!filesMatch) continue;

    // "Tests" follows "Test Files" directly; "Errors" may follow before "Start at".
    let tests = null;
    let errors = 0;
    let j = i + 1;
    for (; j < lines.length && j <= i + 8; j++) {
      const next = lines[j];
      if (next.trim() === '') continue;
      if (SUMMARY_END.test(next) || TEST_FILES_LINE.test(next) || RUN_BANNER.test(next)) break;
      const testsMatch = TESTS_LINE.exec(next);
      if (testsMatch) {
        tests = parseStateString(testsMatch[1]);
        continue;
      }
      const errorsMatch = ERRORS_LINE.exec(next);
      if (errorsMatch) errors = Number(errorsMatch[1]);
    }
    if (!tests) continue;
    i = j - 1;

    const files = parseStateString(filesMatch[1]);
    let failed = tests.failed + failedSuites + errors;
    if (failed === 0) failed = files.failed;
    const summary = { passed: tests.passed + tests.expectedFail, failed };
    if (inRun) {
      current = summary; // a later summary of the same run replaces this one
    } else {
      // No banner seen (e.g. another reporter): every summary is its own run.
      runs.push(summary);
      failedSuites = 0;
    }
  }
  finishRun();

  return {
    runs,
    passed: runs.reduce((sum, run) => sum + run.passed, 0),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
  };
}

export function formatCounts({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

function main(argv) {
  const file = argv[2];
  if (!file) {
    process.stderr.write('usage: node scripts/count-tests.mjs LOGFILE\n');
    return 2;
  }
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`count-tests: cannot read ${file}: ${error.message}\n`);
    process.stdout.write(`${formatCounts({ passed: 0, failed: 0 })}\n`);
    return 2;
  }
  const result = countTests(text);
  if (result.runs.length === 0) {
    process.stderr.write(`count-tests: no vitest summary found in ${file}\n`);
  }
  process.stdout.write(`${formatCounts(result)}\n`);
  if (result.failed > 0) return 1;
  return result.runs.length === 0 ? 2 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv);
}
