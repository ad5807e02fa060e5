import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { normalizeScenario } from '../../src/trace-io/scenario-schema';
import { normalizeTrace } from '../../src/trace-io/trace-schema';
import {
  BYTES_PER_EVENT,
  MEMORY_BUDGET,
  retainedRunProblems,
  runBytes,
  snapshotBytes,
} from '../../src/trace-io/run-bounds';
import { minimalScenarioDoc } from './fixtures';
import { errorsOf, messageAt, valueOf } from './helpers';

type Doc = ReturnType<typeof minimalScenarioDoc> & Record<string, unknown>;

function doc(change: (d: Doc) => void): Doc {
  const d = minimalScenarioDoc() as Doc;
  change(d);
  return d;
}

describe('times stay exact: every accepted scenario gives a valid trace', () => {
  it('a cost near 2^53 is refused, naming the cost', () => {
    const result = normalizeScenario(
      doc((d) => (d.costs = { contextSwitchNs: Number.MAX_SAFE_INTEGER - 10 })),
    );
    expect(messageAt(result, '$.costs.contextSwitchNs')).toMatch(
      /could pass 9,007,199,254,740,991 ns .*lower it, lower maxEvents, or set untilNs/,
    );
  });

  it('a stimulus near 2^53 with default costs is refused at the stimulus', () => {
    const result = normalizeScenario(
      doc((d) => {
        (d.stimuli as unknown[]) = [
          { at: Number.MAX_SAFE_INTEGER - 1000, device: 'nic0', action: 'raise' },
        ];
      }),
    );
    // 5,000,000 default events of at most 5,200 ns x 4 (3 devices + 1) pass 2^53 from there.
    expect(errorsOf(result).map((e) => e.path)).toEqual(['$.stimuli[0].at']);
  });

  it('untilNs bounds the run, so the same cost is then accepted', () => {
    const result = normalizeScenario(
      doc((d) => {
        d.costs = { contextSwitchNs: Number.MAX_SAFE_INTEGER - 10 };
        d.untilNs = 1_000_000;
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('what was refused before as an export now runs and reads back', () => {
    // The largest stimulus time the bound accepts with a short run: its trace is valid.
    const s = valueOf(
      normalizeScenario(
        doc((d) => {
          d.maxEvents = 200;
          (d.stimuli as unknown[]) = [
            { at: Number.MAX_SAFE_INTEGER - 200 * 5200 * 4 - 1, device: 'nic0', action: 'raise' },
          ];
        }),
      ),
    );
    const trace = simulate(s);
    expect(normalizeTrace(JSON.parse(JSON.stringify(trace))).ok).toBe(true);
  });
});

describe('reserved words are not entity ids', () => {
  it.each(['host', 'nobody-cared'])('an entity named %s is refused, with why', (word) => {
    const result = normalizeScenario(
      doc((d) => {
        const entities = d.entities as { id: string }[];
        entities[0]!.id = word;
        (d.devices as { owners: string[] }[])[0]!.owners = [word];
      }),
    );
    expect(messageAt(result, '$.entities[0].id')).toMatch(/is reserved: the trace uses it for/);
  });
});

describe('a run that keeps its events fits in memory, or is refused before it starts', () => {
  it('estimates events plus view snapshots', () => {
    const s = valueOf(normalizeScenario(minimalScenarioDoc()));
    // 3 devices, 2 lines, 2 entities with 4 ISRs: 400 + 200 x 5 + 300 x 2 + 80 x 4.
    expect(snapshotBytes(s)).toBe(2320);
    expect(runBytes(s, 2048)).toBe(2048 * BYTES_PER_EVENT + 2 * 2320);
  });

  it('the default 5,000,000 events of a small machine fit', () => {
    const s = valueOf(normalizeScenario(minimalScenarioDoc()));
    expect(retainedRunProblems(s)).toEqual([]);
  });

  it('50,000,000 events (the schema ceiling) are refused with the number that fits', () => {
    const s = valueOf(normalizeScenario(doc((d) => (d.maxEvents = 50_000_000))));
    const [problem] = retainedRunProblems(s);
    expect(problem?.path).toEqual(['maxEvents']);
    expect(problem?.message).toMatch(
      /would need about 9,\d{3} MB of memory, more than the 1,536 MB/,
    );
    const fits = Number(
      /at most ([\d,]+) events fit/.exec(problem!.message)![1]!.replace(/,/g, ''),
    );
    expect(runBytes(s, fits)).toBeLessThanOrEqual(MEMORY_BUDGET);
    expect(runBytes(s, fits + 1024)).toBeGreaterThan(MEMORY_BUDGET);
  });
});
