import { describe, expect, it } from 'vitest';
import { parseVcd, valueAt, VcdError } from './vcd-parser';

const HEADER = [
  '$timescale 1ns $end',
  '$scope module top $end',
  '$var wire 1 ! a $end',
  '$var wire 3 " v [2:0] $end',
  '$upscope $end',
  '$enddefinitions $end',
].join('\n');

describe('the test VCD reader', () => {
  it('reads scopes, vars, dumpvars and changes', () => {
    const file = parseVcd(`${HEADER}\n#0\n$dumpvars\n0!\nb0 "\n$end\n#5\n1!\nb101 "\n#9\n`);
    expect(file.vars.map((v) => [v.scope, v.name, v.width, v.range])).toEqual([
      [['top'], 'a', 1, null],
      [['top'], 'v', 3, '[2:0]'],
    ]);
    expect(file.times).toEqual([0, 5, 9]);
    expect(file.dumpvars).toEqual(
      new Map([
        ['!', 0],
        ['"', 0],
      ]),
    );
    expect(valueAt(file, '"', 4)).toBe(0);
    expect(valueAt(file, '"', 5)).toBe(5);
  });

  it('rejects a file without $enddefinitions', () => {
    expect(() => parseVcd(HEADER.replace('$enddefinitions $end', ''))).toThrow(VcdError);
  });

  it('rejects timestamps that do not increase', () => {
    expect(() => parseVcd(`${HEADER}\n#0\n0!\n#5\n1!\n#5\n0!\n`)).toThrow(/timestamp 5 after 5/);
    expect(() => parseVcd(`${HEADER}\n#7\n0!\n#3\n1!\n`)).toThrow(/timestamp 3 after 7/);
  });

  it('rejects values for unknown ids', () => {
    expect(() => parseVcd(`${HEADER}\n#0\n0#\n`)).toThrow(/unknown id/);
    expect(() => parseVcd(`${HEADER}\n#0\nb1 #\n`)).toThrow(/unknown id/);
  });

  it('rejects values before the first timestamp, or wider than the var', () => {
    expect(() => parseVcd(`${HEADER}\n0!\n`)).toThrow(/before the first timestamp/);
    expect(() => parseVcd(`${HEADER}\n#0\nb1111 "\n`)).toThrow(/wider/);
  });

  it('rejects unbalanced scopes and stray tokens', () => {
    expect(() => parseVcd(HEADER.replace('$upscope $end', ''))).toThrow(/unclosed scope/);
    expect(() => parseVcd(`${HEADER}\n#0\nhello\n`)).toThrow(/unexpected/);
  });
});
