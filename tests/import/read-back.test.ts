import { describe, expect, it } from 'vitest';
import { readBack } from '../../src/import/read-back';
import { exportedTraceText, scenarioText } from './helpers';

describe('exports are read back before they are offered', () => {
  it('a valid trace or scenario passes unchanged', async () => {
    const trace = await exportedTraceText('fig4-selective');
    expect(readBack('trace', 't.json', trace)).toBe(trace);
    const scenario = scenarioText('storm');
    expect(readBack('scenario', 's.json', scenario)).toBe(scenario);
  });

  it('a file the reader would refuse is not offered: the error names file and path', async () => {
    const trace = JSON.parse(await exportedTraceText('fig4-selective')) as { engine: string };
    trace.engine = '';
    expect(() => readBack('trace', 'out.trace.json', JSON.stringify(trace))).toThrow(
      /^the exported trace does not pass the published schema: out\.trace\.json: \$\.engine: /,
    );
    expect(() => readBack('scenario', 'out.json', '{"format":"intx-lab/trace"}')).toThrow(
      /out\.json: \$\.format: /,
    );
  });
});
