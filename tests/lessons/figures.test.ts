/**
 * Every expected answer of the built-in lessons against figures worked out by
 * hand from the model (FORMATS.md "Semantics") and against what the command
 * line prints for the same scenario: the lesson files hold paths, and these
 * tests say the paths name the right figures.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { serializeScenario } from '../../src/trace-io';
import { LESSONS, prepareLesson, type PreparedLesson, type PreparedStep } from '../../src/lessons';
import { fakeIo } from '../cli/fake-io';

function prepared(id: string, seed: number): PreparedLesson {
  const result = prepareLesson(
    LESSONS.find((l) => l.id === id)!,
    seed,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function expected(step: PreparedStep, id: string): number {
  const cp = step.checkpoints.find((c) => c.checkpoint.id === id);
  if (!cp || !('expected' in cp)) throw new Error(`no figure ${id}`);
  return cp.expected;
}

/** The summary `npm run sim -- scenario.json --summary` prints for a step's scenario. */
function printedSummary(step: PreparedStep) {
  const f = fakeIo({ 's.json': serializeScenario(step.scenario) });
  expect(runCli(['s.json', '--summary'], f.io)).toBe(0);
  return JSON.parse(f.out());
}

describe('built-in lesson figures', () => {
  it('broadcast: N VMs, R raises give R*N switches and R*(N-1) spurious (Figure 3, Xen irq.c)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const step = prepared('broadcast', seed).steps[0]!;
      const { vms, raises } = step.params as { vms: number; raises: number };
      expect(expected(step, 'switches-first')).toBe(vms);
      expect(expected(step, 'spurious-total')).toBe(raises * (vms - 1));
      expect(expected(step, 'switches-total')).toBe(raises * vms);
      const totals = printedSummary(step).totals;
      expect(totals.spurious).toBe(expected(step, 'spurious-total'));
      expect(totals.contextSwitches).toBe(expected(step, 'switches-total'));
    }
  });

  it('broadcast on fig3-broadcast: nic0 costs 3 + 2 + 4 = 9 ISR calls', () => {
    expect(expected(prepared('broadcast', 1).steps[1]!, 'isr-calls-first')).toBe(9);
  });

  it('native chain: usb0 third in the chain costs 3 calls; 3 + 1 + 2 = 6 in all; walk-all 9 (Linux handle.c)', () => {
    const [walk, walkAll, chain] = prepared('native-chain', 1).steps;
    expect(expected(walk!, 'calls-first')).toBe(3);
    expect(expected(walk!, 'calls-total')).toBe(6);
    expect(printedSummary(walk!).totals.isrCalls).toBe(6);
    expect(expected(walkAll!, 'calls-all')).toBe(9);
    for (const seed of [1, 2, 3, 4, 5]) {
      const step = prepared('native-chain', seed).steps[2]!;
      const { isrs, which } = step.params as { isrs: number; which: number };
      // isrs - 1 ISRs of other lines, then dev1..devN: the walk stops at dev<which>.
      expect(expected(step, 'calls')).toBe(isrs - 1 + which);
    }
    void chain;
  });

  it('gates: Status = cause AND enable; pin = Status AND NOT Interrupt Disable (Figure 5)', () => {
    const [gates, mask] = prepared('gates', 1).steps;
    expect(expected(gates!, 'status-without-enable')).toBe(0);
    expect(expected(gates!, 'status-while-disabled')).toBe(1);
    expect(expected(gates!, 'pin-while-disabled')).toBe(0);
    expect(expected(mask!, 'deliveries-before')).toBe(1);
  });

  it('selective on fig4-selective: 3 reads per interrupt, 1 VM, 4 x 3 + 4 = 16 reads, 0 spurious (VFIO)', () => {
    const [who, held] = prepared('selective', 1).steps;
    expect(expected(who!, 'reads-first')).toBe(3);
    expect(expected(who!, 'forwards-first')).toBe(1);
    expect(expected(who!, 'reads-total')).toBe(16);
    expect(expected(who!, 'read-cost')).toBe(16 * 500);
    expect(expected(who!, 'spurious')).toBe(0);
    expect(printedSummary(who!).totals).toMatchObject({ configReads: 16, spurious: 0 });
    expect(expected(held!, 'lost')).toBe(0);
    expect(expected(held!, 'deliveries')).toBe(2);
  });

  it('EOI race: 3 deliveries per raise and 6 spurious; flushed: 3 deliveries (para 9, QEMU ioapic.c)', () => {
    const [race, flush] = prepared('eoi-race', 1).steps;
    expect(expected(race!, 'deliveries-first')).toBe(3);
    expect(expected(race!, 'spurious-total')).toBe(6);
    expect(printedSummary(race!).totals.spurious).toBe(6);
    expect(expected(flush!, 'deliveries')).toBe(3);
  });

  it('edge loss: one delivery and one lost raise on the edge line, two on the level line', () => {
    const [edge] = prepared('edge-loss', 1).steps;
    expect(expected(edge!, 'edge-deliveries')).toBe(1);
    expect(expected(edge!, 'lost')).toBe(1);
    expect(expected(edge!, 'level-deliveries')).toBe(2);
    expect(printedSummary(edge!).totals.lost).toBe(1);
  });

  it('legacy: 2 VMs per interrupt, vm3 gets all 4, 3 spurious, 4 line masks', () => {
    const [legacy] = prepared('legacy', 1).steps;
    expect(expected(legacy!, 'forwards-first')).toBe(2);
    expect(expected(legacy!, 'vm3-interrupts')).toBe(4);
    expect(expected(legacy!, 'spurious')).toBe(3);
    expect(expected(legacy!, 'line-masks')).toBe(4);
    expect(printedSummary(legacy!).entities.vm3).toMatchObject({ interrupts: 4, spurious: 3 });
  });

  it('scaling: broadcast R*N switches, R*N*L calls, ratio N; selective R switches, R*(N+1) reads (para 14)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const [broadcast, selective] = prepared('scaling', seed).steps;
      const b = broadcast!.params as { vms: number; isrs: number; raises: number };
      expect(expected(broadcast!, 'switches')).toBe(b.raises * b.vms);
      expect(expected(broadcast!, 'isr-calls')).toBe(b.raises * b.vms * b.isrs);
      expect(expected(broadcast!, 'ratio')).toBeCloseTo(b.vms, 9);
      const s = selective!.params as { vms: number; isrs: number; raises: number };
      expect(expected(selective!, 'switches')).toBe(s.raises);
      expect(expected(selective!, 'config-reads')).toBe(s.raises * (s.vms + 1));
      expect(expected(selective!, 'saved')).toBe(s.raises * (s.vms - 1));
    }
  });
});

describe('every summary figure of every built-in lesson', () => {
  it('equals what `npm run sim -- --summary` prints for the step scenario, for several seeds', () => {
    let checked = 0;
    for (const lesson of LESSONS) {
      for (const seed of [1, 2, 3]) {
        for (const step of prepared(lesson.id, seed).steps) {
          const summary = printedSummary(step);
          for (const cp of step.checkpoints) {
            const c = cp.checkpoint;
            if (c.kind !== 'predict' || !('summary' in c.answer) || c.answer.at) continue;
            const printed = c.answer.summary
              .split('.')
              .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], summary);
            expect((cp as { expected: number }).expected, `${lesson.id} ${c.id} seed ${seed}`).toBe(
              printed,
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
