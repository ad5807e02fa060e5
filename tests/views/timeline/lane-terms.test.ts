import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../../src/engine/trace-types';
import { glossaryTerm } from '../../../src/glossary';
import { buildLanes } from '../../../src/replay/lanes';
import { laneTerm } from '../../../src/views/timeline/lane-terms';
import { presetScenario, run } from '../../engine/helpers';

describe('every timeline label has its definition at hand', () => {
  it.each(['fig3-broadcast', 'race-eoi', 'threads'])(
    '%s: each lane names a glossary term',
    (preset) => {
      const scenario = presetScenario(preset);
      const { events, summary } = run(scenario);
      const lanes = buildLanes(buildTrace(scenario, events, summary));
      const all = lanes.groups.flatMap((g) => g.lanes);
      expect(all.length).toBeGreaterThan(0);
      for (const lane of all) {
        const term = laneTerm(lane);
        expect(term, lane.key).not.toBeNull();
        expect(glossaryTerm(term!).definition.length).toBeGreaterThan(20);
      }
    },
  );
});
