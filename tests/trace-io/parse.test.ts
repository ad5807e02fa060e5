import { describe, expect, it } from 'vitest';
import { parseAnyText, parseScenarioText, parseTraceText } from '../../src/trace-io/parse';
import { formatError } from '../../src/trace-io/result';
import { minimalScenarioDoc, traceDoc } from './fixtures';
import { errorsOf, valueOf } from './helpers';

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

describe('stage 1: JSON syntax', () => {
  it('reports bad JSON at $ with line and column', () => {
    const errors = errorsOf(parseScenarioText('{\n  "format": "intx-lab/scenario",\n  oops\n}'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('$');
    expect(errors[0]?.message).toMatch(/^invalid JSON at line 3, column 3: /);
  });

  it('reports truncated JSON', () => {
    const errors = errorsOf(parseTraceText('{"format": "intx-lab/trace", "events": ['));
    expect(errors[0]).toMatchObject({ path: '$' });
    expect(errors[0]?.message).toMatch(/^invalid JSON/);
  });

  it('reports an empty file, and hints when the file is not .json', () => {
    expect(errorsOf(parseScenarioText('  \n'))[0]?.message).toBe('the file is empty');
    const hinted = errorsOf(parseScenarioText('$var sig', 'signals.vcd'))[0]?.message;
    expect(hinted).toContain('"signals.vcd" is a .vcd file');
    expect(errorsOf(parseScenarioText('x', 'scenario.json'))[0]?.message).not.toContain(
      '.json file',
    );
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseScenarioText('\uFEFF' + text(minimalScenarioDoc())).ok).toBe(true);
  });
});

describe('stage 2: envelope', () => {
  it('wants an object', () => {
    expect(errorsOf(parseScenarioText('[1, 2]'))).toEqual([
      {
        path: '$',
        message: 'expected a JSON object with "format": "intx-lab/scenario", got an array of 2',
      },
    ]);
  });

  it('names the expected and the actual format', () => {
    const doc = { ...minimalScenarioDoc(), format: 'pcap' };
    expect(errorsOf(parseScenarioText(text(doc)))).toEqual([
      { path: '$.format', message: 'expected format "intx-lab/scenario", got "pcap"' },
    ]);
    expect(errorsOf(parseScenarioText(text(traceDoc())))[0]?.message).toBe(
      'expected format "intx-lab/scenario", got "intx-lab/trace" (this file is a trace)',
    );
    expect(errorsOf(parseTraceText(text(minimalScenarioDoc())))[0]?.message).toBe(
      'expected format "intx-lab/trace", got "intx-lab/scenario" (this file is a scenario)',
    );
  });

  it('requires format and an integer version', () => {
    const { format: _format, ...noFormat } = minimalScenarioDoc();
    expect(errorsOf(parseScenarioText(text(noFormat)))[0]).toEqual({
      path: '$.format',
      message: 'required field is missing (expected "intx-lab/scenario")',
    });
    const stringVersion = { ...minimalScenarioDoc(), version: '1' };
    expect(errorsOf(parseScenarioText(text(stringVersion)))[0]).toEqual({
      path: '$.version',
      message: 'expected an integer version, got "1"',
    });
  });
});

describe('stage 3: version', () => {
  it('refuses a version newer than the app with advice', () => {
    const doc = { ...minimalScenarioDoc(), version: 3 };
    expect(errorsOf(parseScenarioText(text(doc)))).toEqual([
      {
        path: '$.version',
        message: 'version 3 is newer than this INTx Lab understands (1); update the app',
      },
    ]);
    const trace = { ...traceDoc(), version: 2 };
    expect(errorsOf(parseTraceText(text(trace)))[0]?.message).toBe(
      'version 2 is newer than this INTx Lab understands (1); update the app',
    );
  });

  it('checks the version of the scenario inside a trace', () => {
    const trace = traceDoc();
    trace.scenario = { ...minimalScenarioDoc(), version: 9 };
    expect(errorsOf(parseTraceText(text(trace)))).toEqual([
      {
        path: '$.scenario.version',
        message: 'version 9 is newer than this INTx Lab understands (1); update the app',
      },
    ]);
  });

  it('refuses versions below 1', () => {
    const doc = { ...minimalScenarioDoc(), version: 0 };
    expect(errorsOf(parseScenarioText(text(doc)))[0]).toEqual({
      path: '$.version',
      message: 'version 0 does not exist (versions start at 1)',
    });
  });
});

describe('stage 5: full validation', () => {
  it('returns the normalized scenario and trace', () => {
    expect(valueOf(parseScenarioText(text(minimalScenarioDoc()))).hostMask).toBe('device');
    const trace = valueOf(parseTraceText(text(traceDoc())));
    expect(trace.scenario.lines).toHaveLength(2);
    expect(trace.events.at(-1)?.type).toBe('run.end');
  });

  it('reports a missing scenario in a trace', () => {
    const { scenario: _scenario, ...trace } = traceDoc();
    expect(errorsOf(parseTraceText(text(trace)))[0]).toEqual({
      path: '$.scenario',
      message: 'required field is missing (expected an object)',
    });
  });

  it('caps very long error lists', () => {
    const doc = minimalScenarioDoc();
    doc.stimuli = Array.from({ length: 200 }, () => ({ at: -1, device: 'nic0', action: 'raise' }));
    const errors = errorsOf(parseScenarioText(text(doc)));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toEqual({ path: '$', message: '...and 150 more problems' });
  });
});

describe('parseAnyText', () => {
  it('chooses the kind by format', () => {
    expect(valueOf(parseAnyText(text(minimalScenarioDoc()))).kind).toBe('scenario');
    expect(valueOf(parseAnyText(text(traceDoc()))).kind).toBe('trace');
  });

  it('names both formats when the format is unknown', () => {
    expect(errorsOf(parseAnyText('{"format": "x", "version": 1}'))).toEqual([
      {
        path: '$.format',
        message: 'expected format "intx-lab/scenario" or "intx-lab/trace", got "x"',
      },
    ]);
  });

  it('passes through the errors of the chosen kind', () => {
    const doc = { ...minimalScenarioDoc(), version: 4 };
    expect(errorsOf(parseAnyText(text(doc)))[0]?.path).toBe('$.version');
  });
});

describe('formatError', () => {
  it('gives one line: file, path, message', () => {
    expect(
      formatError('s.json', { path: '$.devices[2].owners[0]', message: 'unknown entity' }),
    ).toBe('s.json: $.devices[2].owners[0]: unknown entity');
    expect(formatError('s.json', { path: '$', message: 'a\n  b' })).toBe('s.json: $: a b');
  });
});
