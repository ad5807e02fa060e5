import { describe, expect, it } from 'vitest';
import { cpuTimesOf } from './steal';

describe('cpuTimesOf: /proc/stat read for the benchmarks’ steal share', () => {
  it('takes steal and the total of the first eight fields of the cpu line', () => {
    const stat =
      'cpu  4327569 58394 761545 2492254 4655 0 4894 116256 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n';
    expect(cpuTimesOf(stat)).toEqual({
      steal: 116256,
      total: 4327569 + 58394 + 761545 + 2492254 + 4655 + 0 + 4894 + 116256,
    });
  });

  it('gives null for text that is not /proc/stat', () => {
    expect(cpuTimesOf('')).toBeNull();
    expect(cpuTimesOf('intr 1 2 3')).toBeNull();
    expect(cpuTimesOf('cpu 1 2 x 4 5 6 7 8')).toBeNull();
  });
});
