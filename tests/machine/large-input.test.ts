import { describe, expect, it } from 'vitest';
import {
  analyzeMachine,
  buildScenario,
  parseLspci,
  parseProcInterrupts,
  proposeOwners,
} from '../../src/machine';
import { MACHINE_LIMITS } from '../../src/machine/limits';

/**
 * Hostile or simply huge pastes. Reading must stay linear in the text: a
 * linear reader takes well under a second for these sizes, a quadratic one
 * minutes. The test's own time limit (HANG_GUARD_MS) catches that; the speed
 * itself is a benchmark's business, not an assertion's.
 */
const HANG_GUARD_MS = 30_000;

function timed<T>(f: () => T): { value: T } {
  return { value: f() };
}

/** One entry, then `lines` unindented words: each looks like a wrapped continuation. */
function unindentedContinuations(bytes: number): string {
  const head = '00:1d.0 USB controller: Intel Corporation EHCI\n\tControl: I/O+ Mem+ DisINTx-\n';
  const word = 'continuation-of-a-very-long-wrapped-field-value-that-goes-on-and-on\n';
  return head + word.repeat(Math.ceil(bytes / word.length));
}

function manyDevices(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const bus = (i >> 8).toString(16).padStart(2, '0');
    const slot = ((i >> 3) & 31).toString(16).padStart(2, '0');
    out.push(
      `${bus}:${slot}.${i & 7} Ethernet controller: Intel Corporation I350 Gigabit Network Connection`,
      '\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+',
      `\tInterrupt: pin A routed to IRQ ${16 + (i % 8)}`,
      '\tKernel driver in use: igb',
      '',
    );
  }
  return out.join('\n');
}

describe('the machine readers are linear', () => {
  it(
    'a 1 MB lspci dump of unindented continuation lines',
    () => {
      const { value } = timed(() => parseLspci(unindentedContinuations(1_000_000)));
      expect(value.devices).toHaveLength(1);
    },
    HANG_GUARD_MS,
  );

  it(
    'a 1 MB /proc/interrupts whose lines all continue one row',
    () => {
      const row =
        '  16:   5   IO-APIC   16-fasteoi   ehci_hcd:usb1, i801_smbus, and-a-long-handler-name\n';
      const text = `           CPU0\n${row}${`more-names-${'x,y '.repeat(20)}\n`.repeat(12_000)}`;
      const { value } = timed(() => parseProcInterrupts(text));
      expect(value.hasHeader).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    'a 1 MB random /proc/interrupts',
    () => {
      let x = 12345;
      const chars = 'ab:0 1-,CPU\t';
      const parts: string[] = ['           CPU0       CPU1\n'];
      for (let i = 0; i < 1_000_000; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        // Few newlines: long physical lines that each look like a wrapped continuation.
        parts.push(x % 997 === 0 ? '\n' : chars[(x >>> 16) % chars.length]!);
      }
      const { value } = timed(() => parseProcInterrupts(parts.join('')));
      // Read through (not refused for size): the point is that it comes back at all.
      expect(value.tooLarge).toBe(false);
    },
    HANG_GUARD_MS,
  );

  it(
    'a line of prompt-like characters does not backtrack',
    () => {
      const text = `00:1d.0 USB controller: x\n${'>'.repeat(200_000)}\n`;
      const { value } = timed(() => parseLspci(text));
      expect(value.lineCount).toBeGreaterThan(0);
    },
    HANG_GUARD_MS,
  );

  it(
    'a 3,000-device dump with /proc/interrupts, analysed whole',
    () => {
      const lspci = manyDevices(3000);
      const proc =
        '           CPU0\n' +
        Array.from(
          { length: 8 },
          (_, k) => `  ${16 + k}:  5  IO-APIC  ${16 + k}-fasteoi  igb`,
        ).join('\n');
      const { value } = timed(() => analyzeMachine({ lspci, procInterrupts: proc }));
      expect(value.devices.length).toBeGreaterThanOrEqual(3000);
    },
    HANG_GUARD_MS,
  );
});

describe('a machine too big for one scenario', () => {
  it(
    '3,000 devices named in /proc/interrupts: matched per IRQ, refused before building',
    () => {
      const lspci = manyDevices(3000);
      const names = Array.from({ length: 375 }, () => 'igb').join(', ');
      const proc =
        '           CPU0\n' +
        Array.from(
          { length: 8 },
          (_, k) => `  ${16 + k}:  5  IO-APIC  ${16 + k}-fasteoi  ${names}`,
        ).join('\n');
      const { value } = timed(() => {
        const inv = analyzeMachine({ lspci, procInterrupts: proc });
        return buildScenario(inv, { policy: 'broadcast', owners: proposeOwners(inv) });
      });
      expect(value).toEqual({
        ok: false,
        problem:
          '3,000 devices share lines here; a scenario holds at most 256. Remove the entries of the lines you do not want to simulate from the dump.',
      });
    },
    HANG_GUARD_MS,
  );
});

describe('text over the limit is refused before it is read', () => {
  it('names the size and the limit, and reads nothing', () => {
    const text = 'x'.repeat(MACHINE_LIMITS.textChars + 1);
    for (const r of [parseLspci(text), parseProcInterrupts(text)]) {
      expect(r.notUnderstood).toHaveLength(1);
      expect(r.notUnderstood[0]!.line).toBe(1);
      expect(r.notUnderstood[0]!.problem).toMatch(/over the limit of/);
      expect(r.tooLarge).toBe(true);
    }
    const inv = analyzeMachine({ lspci: text });
    expect(inv.devices).toEqual([]);
    expect(inv.notUnderstood[0]!.problem).toMatch(/over the limit of/);
  });
});
