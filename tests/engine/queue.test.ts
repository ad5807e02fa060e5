import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agendaEmpty,
  agendaNextIsNow,
  agendaNextT,
  agendaPush,
  agendaTake,
  createAgenda,
  type Agenda,
} from '../../src/engine/queue';
import { cloneState } from '../../src/engine/state';

/**
 * The agenda against the plain definition of its order: entries come out by
 * time, then by insertion order, whatever mix of same-instant (FIFO) and later
 * (heap) entries, growth past the initial capacity, and snapshots taken midway.
 */
interface Entry {
  t: number;
  order: number;
  op: number;
  target: number;
  arg: number;
}

function take(a: Agenda): Entry {
  const fromNow = agendaNextIsNow(a);
  const t = agendaNextT(a, fromNow);
  agendaTake(a, fromNow);
  expect(a.t).toBe(t);
  return { t: a.t, order: -1, op: a.op, target: a.target, arg: a.arg };
}

describe('the agenda', () => {
  it('takes entries by time, then insertion order, like a sorted list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ push: fc.constantFrom(0, 0, 0, 1, 7, 400, 1e6), op: fc.nat(24) }),
            fc.constant({ take: true }),
          ),
          { maxLength: 600 },
        ),
        fc.nat(600),
        (actions, snapshotAt) => {
          let agenda = createAgenda();
          const pending: Entry[] = [];
          let now = 0;
          let order = 0;
          actions.forEach((action, i) => {
            if (i === snapshotAt) agenda = cloneState(agenda);
            if ('push' in action) {
              // Negative arguments (the `By` codes) included; -1 - i, not -i: the agenda keeps
              // integers (Int32Array), where -0 is 0.
              const e = {
                t: now + action.push,
                order: order++,
                op: action.op,
                target: i,
                arg: -1 - i,
              };
              agendaPush(agenda, e.t, e.order, e.op, e.target, e.arg, now);
              pending.push(e);
              return;
            }
            expect(agendaEmpty(agenda)).toBe(pending.length === 0);
            if (pending.length === 0) return;
            pending.sort((x, y) => x.t - y.t || x.order - y.order);
            const want = pending.shift()!;
            const got = take(agenda);
            expect(got).toEqual({ ...want, order: -1 });
            now = got.t;
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps insertion order at one instant when the soonest entry makes way for a sooner one', () => {
    // Hand-worked: A (t 10) is the soonest and held apart; B (t 10) goes to a bucket; C (t 5)
    // is sooner, so A moves into a bucket of its own; D (t 10) joins B's bucket, the last
    // made. By time then insertion order: C, A, B, D (A first at t 10, though its bucket
    // was made after B's).
    const a = createAgenda();
    agendaPush(a, 10, 0, 1, 0, 0, 0);
    agendaPush(a, 10, 1, 2, 0, 0, 0);
    agendaPush(a, 5, 2, 3, 0, 0, 0);
    agendaPush(a, 10, 3, 4, 0, 0, 0);
    const ops = [take(a), take(a), take(a), take(a)].map((e) => [e.t, e.op]);
    expect(ops).toEqual([
      [5, 3],
      [10, 1],
      [10, 2],
      [10, 4],
    ]);
    expect(agendaEmpty(a)).toBe(true);
  });

  it('orders the first, the second and the heap when each makes way for a sooner entry', () => {
    // Hand-worked: A (t 30) is the first; B (t 20) is sooner, so A becomes the second;
    // C (t 25) falls between them: it is the second and A goes to the heap; D (t 20)
    // is not sooner than the first (B, made earlier at t 20) but is sooner than
    // the second: it is the second, and C goes to the heap; E (t 25) is later than the second: into the heap,
    // after C (same instant, made later). Taking B makes D the first. By time, then
    // insertion order: B, D, C, E, A.
    const a = createAgenda();
    agendaPush(a, 30, 0, 1, 0, 0, 0);
    agendaPush(a, 20, 1, 2, 0, 0, 0);
    agendaPush(a, 25, 2, 3, 0, 0, 0);
    agendaPush(a, 20, 3, 4, 0, 0, 0);
    agendaPush(a, 25, 4, 5, 0, 0, 0);
    const ops = [take(a), take(a), take(a), take(a), take(a)].map((e) => [e.t, e.op]);
    expect(ops).toEqual([
      [20, 2],
      [20, 4],
      [25, 3],
      [25, 5],
      [30, 1],
    ]);
    expect(agendaEmpty(a)).toBe(true);
  });
});
