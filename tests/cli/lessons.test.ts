import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { fakeIo } from './fake-io';

function solutionFor(lesson: string, seed: number): string {
  const f = fakeIo();
  expect(runCli(['--lesson', lesson, '--solution', '--seed', String(seed)], f.io)).toBe(0);
  return f.out();
}

describe('npm run sim -- --lesson', () => {
  it('--list-lessons prints one lesson a line, its name first', () => {
    const f = fakeIo();
    expect(runCli(['--list-lessons'], f.io)).toBe(0);
    const lines = f.out().trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^native-chain\s+1\. One OS walks its ISR chain/);
    expect(lines[2]).toMatch(/^broadcast\s/);
  });

  it('--solution prints an answers file that --answers accepts, exit 0', () => {
    const answers = solutionFor('broadcast', 9);
    expect(JSON.parse(answers)).toMatchObject({
      format: 'intx-lab/answers',
      lesson: 'broadcast',
      seed: 9,
    });
    const f = fakeIo({ 'a.json': answers });
    expect(runCli(['--lesson', 'broadcast', '--answers', 'a.json'], f.io)).toBe(0);
    const score = JSON.parse(f.out());
    expect(score).toMatchObject({
      format: 'intx-lab/score',
      lesson: 'broadcast',
      seed: 9,
      passed: true,
    });
    expect(score.score).toBe(score.maximum);
  });

  it('exits 1 and names the failing checkpoint when one answer is wrong', () => {
    const answers = JSON.parse(solutionFor('selective', 1));
    answers.answers.who['reads-total'] = 12;
    const f = fakeIo({ 'a.json': JSON.stringify(answers) });
    expect(runCli(['--lesson', 'selective', '--answers', 'a.json'], f.io)).toBe(1);
    const failed = JSON.parse(f.out()).checkpoints.filter((c: { correct: boolean }) => !c.correct);
    expect(failed).toEqual([
      expect.objectContaining({
        step: 'who',
        checkpoint: 'reads-total',
        expected: 16,
        given: 12,
        feedback: expect.stringMatching(/Forgot the read on each EOI/),
      }),
    ]);
  });

  it('--seed overrides the seed of the answers file: another variant, other figures', () => {
    const f = fakeIo({ 'a.json': solutionFor('broadcast', 9) });
    const code = runCli(['--lesson', 'broadcast', '--answers', 'a.json', '--seed', '10'], f.io);
    const score = JSON.parse(f.out());
    expect(score.seed).toBe(10);
    expect(code).toBe(score.passed ? 0 : 1);
    expect(score.passed).toBe(false);
  });

  it('reads a lesson file as well as a name', () => {
    const lesson = {
      format: 'intx-lab/lesson',
      version: 1,
      id: 'mine',
      title: 'Mine',
      steps: [
        {
          id: 's',
          title: 'One step',
          text: 'Count.',
          scenario: { preset: 'fig3-broadcast' },
          checkpoints: [
            {
              id: 'c',
              kind: 'predict',
              question: 'How many spurious interrupts?',
              stop: { before: { type: 'ioapic.deliver' } },
              answer: { summary: 'totals.spurious' },
            },
          ],
        },
      ],
    };
    const answers = {
      format: 'intx-lab/answers',
      version: 1,
      lesson: 'mine',
      answers: { s: { c: 8 } },
    };
    const f = fakeIo({ 'l.json': JSON.stringify(lesson), 'a.json': JSON.stringify(answers) });
    expect(runCli(['--lesson', 'l.json', '--answers', 'a.json'], f.io)).toBe(0);
    expect(JSON.parse(f.out()).checkpoints[0]).toMatchObject({
      expected: 8,
      given: 8,
      correct: true,
    });
  });

  it('bad lesson and answers files: one line per problem, file and JSON path', () => {
    const f = fakeIo({
      'l.json': '{"format":"intx-lab/lesson","version":1,"id":"x","title":"t","steps":[]}',
    });
    expect(runCli(['--lesson', 'l.json', '--solution'], f.io)).toBe(1);
    expect(f.err()).toBe('l.json: $.steps: must have at least 1 item (has 0)\n');

    const g = fakeIo({
      'a.json': '{"format":"intx-lab/answers","version":1,"lesson":"gates","answers":{}}',
    });
    expect(runCli(['--lesson', 'broadcast', '--answers', 'a.json'], g.io)).toBe(1);
    expect(g.err()).toMatch(
      /^a\.json: \$\.lesson: answers lesson "gates", but the lesson is "broadcast"/,
    );

    const h = fakeIo();
    expect(runCli(['--lesson', 'nope', '--solution'], h.io)).toBe(1);
    expect(h.err()).toMatch(/not a built-in lesson either; known: native-chain, gates/);
  });

  it('refuses inconsistent flags with usage', () => {
    for (const argv of [
      ['--lesson', 'broadcast'],
      ['--lesson', 'broadcast', '--solution', '--answers', 'a.json'],
      ['--solution'],
      ['--lesson', 'broadcast', '--solution', '--preset', 'fig3-broadcast'],
      ['--lesson', 'broadcast', '--solution', '--seed', '-1'],
    ]) {
      const f = fakeIo();
      expect(runCli(argv, f.io), argv.join(' ')).toBe(2);
      expect(f.err()).toMatch(/^sim: /);
    }
  });
});

describe('a stored near miss', () => {
  it('fails with exit 1 and names the one wrong checkpoint', () => {
    const file = 'tests/lessons/fixtures/selective-near-miss.json';
    const f = fakeIo({ [file]: readFileSync(file, 'utf8') });
    expect(runCli(['--lesson', 'selective', '--answers', file], f.io)).toBe(1);
    const score = JSON.parse(f.out());
    expect(score).toMatchObject({ seed: 3, score: score.maximum - 1, passed: false });
    expect(score.checkpoints.filter((c: { correct: boolean }) => !c.correct)).toEqual([
      expect.objectContaining({ step: 'who', checkpoint: 'reads-total', expected: 16, given: 12 }),
    ]);
  });
});
