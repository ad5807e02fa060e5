import { describe, expect, it } from 'vitest';
import { followOutcomes, type OutcomeSource } from '../../src/embed/outcomes';
import { activityId, completedStatement, XAPI_COMPLETED } from '../../src/embed/xapi';
import type { LessonOutcome } from '../../src/protocol/lesson-outcome';

/** A list that grows by new arrays, as the store's lessonOutcomes does. */
function fakeSource(initial: LessonOutcome[] = []) {
  let list: readonly LessonOutcome[] = initial;
  const listeners = new Set<() => void>();
  const source: OutcomeSource = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getOutcomes: () => list,
  };
  const append = (...more: LessonOutcome[]) => {
    list = [...list, ...more];
    for (const l of listeners) l();
  };
  const replace = (next: LessonOutcome[]) => {
    list = next;
    for (const l of listeners) l();
  };
  return { source, append, replace, listeners };
}

const checkpoint = (score: number, status: 'solved' | 'wrong' = 'solved'): LessonOutcome => ({
  kind: 'checkpoint',
  lessonId: 'broadcast-cost',
  stepId: 's1',
  checkpointId: `c${score}`,
  status,
  score,
  maximum: 2,
});
const done: LessonOutcome = { kind: 'completed', lessonId: 'broadcast-cost', score: 2, maximum: 2 };

describe('following lesson outcomes', () => {
  it('hands on each new outcome once, in order, and not those from before', () => {
    const { source, append } = fakeSource([checkpoint(0, 'wrong')]);
    const seen: LessonOutcome[] = [];
    followOutcomes(source, (o) => seen.push(o));
    append(checkpoint(1));
    append(checkpoint(2), done);
    expect(seen).toEqual([checkpoint(1), checkpoint(2), done]);
  });

  it('reports a lesson completed once, however often it is finished', () => {
    const { source, append, replace } = fakeSource();
    const seen: LessonOutcome[] = [];
    followOutcomes(source, (o) => seen.push(o));
    append(done);
    append(checkpoint(1), done);
    replace([checkpoint(1), done]); // a restart: a new, shorter list
    expect(seen.filter((o) => o.kind === 'completed')).toHaveLength(1);
    expect(seen.filter((o) => o.kind === 'checkpoint')).toHaveLength(2);
  });

  it('stops when unsubscribed', () => {
    const { source, append, listeners } = fakeSource();
    const seen: LessonOutcome[] = [];
    const stop = followOutcomes(source, (o) => seen.push(o));
    stop();
    append(done);
    expect(seen).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});

describe('the completed statement', () => {
  it('is shaped like an xAPI completed statement, without an actor', () => {
    const statement = completedStatement(
      { kind: 'completed', lessonId: 'broadcast-cost', score: 3, maximum: 4 },
      'https://lms.example/intx/?embed=1&origin=x#intx=1&cursor=3',
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(statement).toEqual({
      verb: { id: XAPI_COMPLETED, display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: 'https://lms.example/intx/?lesson=broadcast-cost',
        definition: {
          type: 'http://adlnet.gov/expapi/activities/lesson',
          name: { 'en-US': 'broadcast-cost' },
        },
      },
      result: { completion: true, success: false, score: { raw: 3, min: 0, max: 4, scaled: 0.75 } },
      timestamp: '2026-12-01T10:00:00.000Z',
      context: { platform: 'INTx Lab' },
    });
    expect(statement).not.toHaveProperty('actor');
  });

  it('keeps scaled within xAPI bounds', () => {
    const at = (score: number, maximum: number) =>
      completedStatement(
        { kind: 'completed', lessonId: 'l', score, maximum },
        'https://a.example/',
        new Date(0),
      ).result;
    expect(at(0, 0)).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(at(5, 4).score.scaled).toBe(1);
    expect(at(2, 2).success).toBe(true);
  });

  it('names the activity by page and lesson', () => {
    expect(activityId('https://a.example/course/intx/index.html?x=1#f', 'a b')).toBe(
      'https://a.example/course/intx/index.html?lesson=a+b',
    );
  });
});
