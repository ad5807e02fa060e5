import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/scenario';
import { findPreset, PRESETS } from '../../src/presets';
import {
  decodeShare,
  encodeShare,
  isShareFragment,
  MAX_FRAGMENT_CHARS,
  MAX_SCENARIO_BYTES,
  shareUrl,
} from '../../src/share';
import { LINK_MAX_EVENTS } from '../../src/share/codec';
import { fromBase64Url, toBase64Url } from '../../src/share/base64url';
import { deflateRaw } from '../../src/share/deflate';
import { normalizeScenario } from '../../src/trace-io';

function preset(name: string): Scenario {
  const parsed = normalizeScenario(findPreset(name)!.file);
  if (!parsed.ok) throw new Error(`preset ${name} does not validate`);
  return parsed.value;
}

async function encoded(scenario: Scenario, cursor = 0, presetName: string | null = null) {
  const result = await encodeShare({ scenario, cursor, presetName });
  if (!result.ok) throw new Error(result.message);
  return result.fragment;
}

/** A fragment carrying `text` as its scenario, compressed like a real link. */
async function fragmentWithText(text: string, cursor = '0'): Promise<string> {
  const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(text)));
  return `intx=1&cursor=${cursor}&scenario=${packed}`;
}

describe('base64url', () => {
  it('round-trips any bytes and uses only URL-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('a b')).toBeNull();
  });
});

describe('share links', () => {
  it('every preset round-trips with its cursor and preset name', async () => {
    for (const p of PRESETS) {
      const scenario = preset(p.name);
      const fragment = await encoded(scenario, 57, p.name);
      expect(fragment.startsWith('intx=1&cursor=57&preset=')).toBe(true);
      const decoded = await decodeShare(`#${fragment}`);
      expect(decoded).toEqual({
        ok: true,
        work: { scenario, cursor: 57, presetName: p.name },
        note: null,
      });
    }
  });

  it('keeps hand edits and the policy (the scenario travels whole)', async () => {
    const base = preset('fig3-broadcast');
    const edited: Scenario = {
      ...base,
      policy: 'selective',
      stimuli: [...base.stimuli, { at: 12_345, device: 'disk0', action: 'raise' }],
    };
    const decoded = await decodeShare(await encoded(edited, 3, 'fig3-broadcast'));
    expect(decoded?.ok && decoded.work.scenario).toEqual(edited);
  });

  it('makes links of a few kilobytes for the largest preset', async () => {
    const fragment = await encoded(preset('scale-32-vms'), 0, 'scale-32-vms');
    expect(fragment.length).toBeLessThan(8_000);
  });

  it('ignores fragments that are not share links', async () => {
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#section-2')).toBeNull();
    expect(isShareFragment('#intx=1&x')).toBe(true);
  });

  it('refuses a too-long fragment before decoding it', async () => {
    const result = await decodeShare(`#intx=1&scenario=${'A'.repeat(MAX_FRAGMENT_CHARS)}`);
    expect(result).toMatchObject({ ok: false });
    expect(result?.ok === false && result.message).toMatch(/too long .*at most 32,000/);
  });

  it('refuses to make a link for a scenario too large for one', async () => {
    const base = preset('fig3-broadcast');
    // Incompressible names: thousands of distinct stimuli times.
    const stimuli = Array.from({ length: 6_000 }, (_, i) => ({
      at: 1_000_000 + i * 7_919 + ((i * 2_654_435_761) % 1_000),
      device: 'nic0',
      action: 'raise' as const,
    }));
    const result = await encodeShare({
      scenario: { ...base, stimuli },
      cursor: 0,
      presetName: null,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/too large for a link .*Export the scenario/);
  });

  it('says which part of a corrupt link is wrong', async () => {
    const good = await encoded(preset('fig4-selective'), 5);
    const cases: [string, RegExp][] = [
      [good.replace(/scenario=.*/, 'scenario=@@@'), /not valid base64url/],
      [good.slice(0, good.length - 40), /does not decompress|cut off/],
      [good.replace('cursor=5', 'cursor=-1'), /cursor "-1" is not a whole number/],
      [good.replace(/&scenario=.*/, ''), /carries no scenario/],
      [good.replace('intx=1', 'intx=9'), /newer INTx Lab \(link format 9\)/],
      [good.replace('intx=1', 'intx=x'), /format version "x"/],
    ];
    for (const [fragment, message] of cases) {
      const result = await decodeShare(fragment);
      expect(result?.ok, fragment.slice(0, 40)).toBe(false);
      expect(result?.ok === false && result.message).toMatch(message);
    }
  });

  it('names the JSON path of an invalid scenario', async () => {
    const scenario = preset('fig4-selective');
    const broken = { ...scenario, devices: [{ ...scenario.devices[0]!, owners: ['nobody'] }] };
    const result = await decodeShare(await fragmentWithText(JSON.stringify(broken)));
    expect(result?.ok).toBe(false);
    expect(result?.ok === false && result.message).toMatch(
      /share link: \$\.devices\[0\]\.owners\[0\]/,
    );
  });

  it('a scenario that inflates to bytes that are not UTF-8 is named as such', async () => {
    const packed = toBase64Url(await deflateRaw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22])));
    const result = await decodeShare(`intx=1&cursor=0&scenario=${packed}`);
    expect(result?.ok === false && result.message).toBe(
      'This share link is damaged: its scenario decompresses, but not to UTF-8 text (was it made by INTx Lab?).',
    );
  });

  it('a link never asks for more than the default run on open, and says when it was lowered', async () => {
    const scenario = { ...preset('storm'), maxEvents: 50_000_000 };
    const result = await decodeShare(await encoded(scenario));
    expect(result?.ok && result.work.scenario.maxEvents).toBe(LINK_MAX_EVENTS);
    expect(result?.ok && result.note).toMatch(/asks for runs of up to 50,000,000 events/);
  });

  it('names each unknown field of a linked scenario by its path, with the near name', async () => {
    const scenario = preset('fig4-selective');
    const devices = scenario.devices.map((d, i) => (i === 0 ? { ...d, pci32: false } : d));
    const result = await decodeShare(
      await fragmentWithText(JSON.stringify({ ...scenario, devices })),
    );
    expect(result?.ok && result.work.warnings).toEqual([
      'share link: $.devices[0].pci32: unknown field "pci32" is ignored; did you mean "pci23"?',
    ]);
    // The field is ignored, not read as pci23: the device keeps PCI 2.3 masking.
    expect(result?.ok && result.work.scenario.devices[0]!.pci23).toBe(true);
  });

  it('a link the format knows whole carries no warnings', async () => {
    const result = await decodeShare(await encoded(preset('fig4-selective')));
    expect(result?.ok && result.work.warnings).toBeUndefined();
  });

  it('reports bad JSON inside a link', async () => {
    const result = await decodeShare(await fragmentWithText('{"format": '));
    expect(result?.ok === false && result.message).toMatch(/share link: \$: invalid JSON/);
  });

  it('stops inflating a crafted link at the size limit', async () => {
    const huge = ' '.repeat(MAX_SCENARIO_BYTES + 10);
    const fragment = await fragmentWithText(huge);
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const result = await decodeShare(fragment);
    expect(result?.ok === false && result.message).toMatch(/too large: it expands to more than/);
  });

  it('puts the work in the fragment of the page address, dropping ?preset=', async () => {
    const made = await shareUrl(
      { scenario: preset('fig2-native'), cursor: 4, presetName: 'fig2-native' },
      'http://example.test/lab/?preset=storm&sim=main#old',
    );
    expect(made.ok).toBe(true);
    const url = new URL(made.ok ? made.url : '');
    expect(url.pathname).toBe('/lab/');
    expect(url.search).toBe('?sim=main');
    const decoded = await decodeShare(url.hash);
    expect(decoded?.ok && decoded.work.cursor).toBe(4);
  });
});
