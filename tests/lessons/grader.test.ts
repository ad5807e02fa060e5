import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  grade,
  LESSONS,
  prepareLesson,
  solution,
  type Answers,
  type PreparedLesson,
} from '../../src/lessons';

const SEEDS = [1, 2, 3, 17, 4_000_000_000];

function prepared(id: string, seed: number): PreparedLesson {
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const result = prepareLesson(lesson, seed);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('the grader', () => {
  it('offers the eight lessons of the issue, in order, each with a numeric prediction', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'native-chain',
      'gates',
      'broadcast',
      'selective',
      'eoi-race',
      'edge-loss',
      'legacy',
      'scaling',
    ]);
    for (const lesson of LESSONS) {
      const predicts = lesson.steps
        .flatMap((s) => s.checkpoints)
        .filter((c) => c.kind === 'predict');
      expect(predicts.length, lesson.id).toBeGreaterThan(0);
    }
  });

  for (const lesson of LESSONS) {
    it(`passes the reference solution of ${lesson.id} for several seeds`, () => {
      for (const seed of SEEDS) {
        const p = prepared(lesson.id, seed);
        const score = grade(p, solution(p));
        expect(score.passed, `${lesson.id} seed ${seed}`).toBe(true);
        expect(score.score).toBe(score.maximum);
        expect(score.maximum).toBe(lesson.steps.reduce((n, s) => n + s.checkpoints.length, 0));
      }
    });
  }

  it('fails a near miss (one answer off by one) and names that checkpoint', () => {
    const p = prepared('broadcast', 7);
    const answers: Answers = structuredClone(solution(p));
    const right = answers.answers['count']!['spurious-total'] as number;
    answers.answers['count']!['spurious-total'] = right + 1;
    const score = grade(p, answers);
    expect(score.passed).toBe(false);
    expect(score.score).toBe(score.maximum - 1);
    const failed = score.checkpoints.filter((c) => !c.correct);
    expect(failed).toEqual([
      expect.objectContaining({
        step: 'count',
        checkpoint: 'spurious-total',
        expected: right,
        given: right + 1,
      }),
    ]);
  });

  it('names the misconception a wrong answer matches', () => {
    // Seed 7 draws 3 VMs and 3 raises: 9 context switches, which is what a student who
    // counts the owners too answers for the spurious interrupts (Figure 3).
    const p = prepared('broadcast', 7);
    const answers = structuredClone(solution(p));
    answers.answers['count']!['spurious-total'] = 9;
    const entry = grade(p, answers).checkpoints.find((c) => c.checkpoint === 'spurious-total')!;
    expect(entry.correct).toBe(false);
    expect(entry.feedback).toMatch(/owner's ISR claims/);
  });

  it('grades an act checkpoint on what the student did, not on a typed answer', () => {
    const p = prepared('broadcast', 1);
    const answers = structuredClone(solution(p));
    answers.answers['chain-walk']!['go-selective'] = { patch: { policy: 'native' } };
    const entry = grade(p, answers).checkpoints.find((c) => c.checkpoint === 'go-selective')!;
    expect(entry.correct).toBe(false);
    answers.answers['chain-walk']!['go-selective'] = { patch: { policy: 'selective' } };
    expect(grade(p, answers).passed).toBe(true);
  });

  it('counts a missing answer as wrong, saying so', () => {
    const p = prepared('legacy', 1);
    const answers = structuredClone(solution(p));
    delete answers.answers['legacy']!['spurious'];
    const entry = grade(p, answers).checkpoints.find((c) => c.checkpoint === 'spurious')!;
    expect(entry).toMatchObject({ correct: false, given: null, feedback: 'no answer' });
  });
});

describe('seeded variants', () => {
  it('give the same figures for the same seed and different ones for different seeds', () => {
    const a = solution(prepared('broadcast', 5));
    const b = solution(prepared('broadcast', 5));
    expect(a).toEqual(b);
    const figures = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        JSON.stringify(solution(prepared('broadcast', seed)).answers['count']),
      ),
    );
    expect(figures.size).toBeGreaterThan(1);
  });

  it('draw every parameter within its declared range', () => {
    for (let seed = 0; seed < 40; seed++) {
      const step = prepared('scaling', seed).steps[0]!;
      expect(step.params['vms']).toBeGreaterThanOrEqual(2);
      expect(step.params['vms']).toBeLessThanOrEqual(16);
      expect(step.params['isrs']).toBeGreaterThanOrEqual(2);
      expect(step.params['isrs']).toBeLessThanOrEqual(6);
    }
  });
});

describe('properties', () => {
  it('for any seed, the reference answers pass, and moving any one prediction fails exactly that one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('broadcast', 'scaling', 'native-chain'),
        fc.nat({ max: 0xffff_ffff }),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (id, seed, pick, delta) => {
          const p = prepared(id, seed);
          const answers = solution(p);
          expect(grade(p, answers).passed).toBe(true);
          const predicts = p.steps.flatMap((s) =>
            s.checkpoints.flatMap((c) =>
              c.checkpoint.kind === 'predict' ? [[s.step.id, c] as const] : [],
            ),
          );
          const [stepId, cp] = predicts[pick % predicts.length]!;
          const wrong = structuredClone(answers);
          const right = wrong.answers[stepId]![cp.checkpoint.id] as number;
          wrong.answers[stepId]![cp.checkpoint.id] = right + delta;
          const failed = grade(p, wrong).checkpoints.filter((c) => !c.correct);
          expect(failed.map((c) => `${c.step}/${c.checkpoint}`)).toEqual([
            `${stepId}/${cp.checkpoint.id}`,
          ]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
