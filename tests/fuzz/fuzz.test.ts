import { describe, expect, it } from 'vitest';
import { machineTexts, scenarios, shareLinks, storageStates, traces } from './campaigns';

/**
 * `npm run fuzz` with a small budget and fixed seeds, so every run of the
 * suite repeats the same hostile inputs: none may crash, hang, be refused
 * without a path, or lose data.
 */
const clean = { crashes: 0, hangs: 0, unclear: 0, lost: 0 };

describe('fuzz campaigns (bounded budget)', () => {
  it('scenarios', async () => {
    expect(await scenarios(120, 14)).toMatchObject({ tried: 120, ...clean });
  });
  it('mutated traces', async () => {
    expect(await traces(120, 15)).toMatchObject({ tried: 120, ...clean });
  });
  it('lspci and /proc/interrupts texts', async () => {
    expect(await machineTexts(60, 16)).toMatchObject({ tried: 60, ...clean });
  });
  it('tampered share links', async () => {
    expect(await shareLinks(30, 17)).toMatchObject({ tried: 30, ...clean });
  });
  it('localStorage states', async () => {
    expect(await storageStates(30, 18)).toMatchObject({ tried: 30, ...clean });
  });
});
