import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { readDocument } from '../../src/import/read-document';
import { PRESETS } from '../../src/presets';
import { scenarioWarnings } from '../../src/trace-io';
import { editDistance, nearestName } from '../../src/trace-io/unknown-fields';
import { fakeIo } from '../cli/fake-io';

const file = {
  format: 'intx-lab/scenario',
  version: 1,
  name: 'typos',
  policy: 'selective',
  costs: { contextSwitchNS: 2000, hostEntyNs: 1 },
  devices: [
    { id: 'nic0', line: 'INTA', owners: ['vm1'] },
    { id: 'old0', line: 'INTA', owners: ['vm1'], pci32: false },
  ],
  entities: [{ id: 'vm1', isrs: [{ id: 'a', device: 'nic0', flushPostedWrite: true }] }],
  colour: 'blue',
  $schema: '../public/schema/scenario.v1.schema.json',
};

describe('unknown fields of a scenario are named, with the near name', () => {
  it('lists each by JSON path, at any depth, and suggests what was meant', () => {
    expect(scenarioWarnings(file)).toEqual([
      {
        path: '$.costs.contextSwitchNS',
        message: 'unknown field "contextSwitchNS" is ignored; did you mean "contextSwitchNs"?',
      },
      {
        path: '$.costs.hostEntyNs',
        message: 'unknown field "hostEntyNs" is ignored; did you mean "hostEntryNs"?',
      },
      {
        path: '$.devices[1].pci32',
        message: 'unknown field "pci32" is ignored; did you mean "pci23"?',
      },
      {
        path: '$.entities[0].isrs[0].flushPostedWrite',
        message: 'unknown field "flushPostedWrite" is ignored; did you mean "flushPostedWrites"?',
      },
      // Nothing near "colour" at the top level; "$schema" is an editor's key, never reported.
      { path: '$.colour', message: 'unknown field "colour" is ignored' },
    ]);
  });
  it('no preset has any', () => {
    for (const p of PRESETS) expect(scenarioWarnings(p.file), p.name).toEqual([]);
  });
  it('counts a transposition as one edit (pci32 -> pci23) and ignores case', () => {
    expect(editDistance('pci32', 'pci23')).toBe(1);
    expect(editDistance('POLICY', 'policy')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearestName('sed', ['seed', 'name'])).toBe('seed');
    expect(nearestName('zzzzzz', ['seed', 'name'])).toBeNull();
  });
  it('the command line prints them on standard error and still runs the scenario', () => {
    const f = fakeIo({ 's.json': JSON.stringify(file) });
    expect(runCli(['s.json', '--summary'], f.io)).toBe(0);
    expect(f.err()).toContain(
      's.json: $.devices[1].pci32: unknown field "pci32" is ignored; did you mean "pci23"?\n',
    );
    expect(f.err().split('\n').filter(Boolean)).toHaveLength(5);
    expect(JSON.parse(f.out()).totals.raised).toBe(0);
  });
  it('an opened file shows them with its notes, naming the file', () => {
    const result = readDocument(JSON.stringify(file), 'typos.json');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.migrationNotes).toContain(
      'typos.json: $.devices[1].pci32: unknown field "pci32" is ignored; did you mean "pci23"?',
    );
  });
});
