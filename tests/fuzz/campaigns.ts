/**
 * The robustness campaigns of `npm run fuzz` (and, with a small budget, of
 * tests/fuzz/fuzz.test.ts): seeded hostile inputs through every reader. For
 * each input: a crash is an exception out of a reader that promises never to
 * throw; a hang is an input that takes more than HANG_MS; an unclear refusal
 * is a refusal that names no JSON path (or line) and problem; data lost is an
 * accepted input whose result is wrong or whose work is gone (per campaign,
 * below).
 */
import { simulate } from '../../src/engine/engine';
import { summarize } from '../../src/engine/summary';
import type { Trace } from '../../src/engine/trace-types';
import { analyzeMachine } from '../../src/machine';
import { columns } from '../../src/machine/text-lines';
import { chooseStart, KEPT_ASIDE_PREFIX, saveWork, WORK_KEY } from '../../src/persist';
import { findPreset, PRESETS } from '../../src/presets';
import { decodeShare, encodeShare } from '../../src/share';
import { safeStorage } from '../../src/store/safe-storage';
import { normalizeScenario, parseTraceText, serializeTrace } from '../../src/trace-io';
import type { FormatError } from '../../src/trace-io/result';
import { retainedRunProblems } from '../../src/trace-io/run-bounds';
import { Rng } from './random';

export const HANG_MS = 2000;

export interface Figures {
  campaign: string;
  tried: number;
  crashes: number;
  hangs: number;
  unclear: number;
  lost: number;
  /** Inputs the reader could not tell apart by design (see the campaign), counted apart. */
  ambiguous: number;
  /** The first few failures, to reproduce them. */
  examples: string[];
}

type Verdict = 'ok' | 'unclear' | 'lost' | 'ambiguous';

async function campaign(
  name: string,
  count: number,
  seed: number,
  one: (rng: Rng, i: number) => Verdict | Promise<Verdict>,
): Promise<Figures> {
  const f: Figures = {
    campaign: name,
    tried: 0,
    crashes: 0,
    hangs: 0,
    unclear: 0,
    lost: 0,
    ambiguous: 0,
    examples: [],
  };
  const rng = new Rng(seed);
  for (let i = 0; i < count; i++) {
    f.tried++;
    const start = performance.now();
    try {
      const v = await one(rng, i);
      if (v === 'unclear') f.unclear++;
      if (v === 'lost') f.lost++;
      if (v === 'ambiguous') f.ambiguous++;
      if ((v === 'unclear' || v === 'lost') && f.examples.length < 3)
        f.examples.push(`${name}#${i}: ${v}`);
    } catch (error) {
      f.crashes++;
      if (f.examples.length < 3) f.examples.push(`${name}#${i}: crash ${(error as Error).message}`);
    }
    if (performance.now() - start > HANG_MS) {
      f.hangs++;
      if (f.examples.length < 3) f.examples.push(`${name}#${i}: hang`);
    }
  }
  return f;
}

const clear = (errors: readonly FormatError[]) =>
  errors.length > 0 && errors.every((e) => /^\$/.test(e.path) && e.message.trim().length > 3);

const IDS = [
  'vm1',
  'vm2',
  'nic0',
  'disk0',
  'INTA',
  'INTB',
  'host',
  'nobody-cared',
  '__proto__',
  'constructor',
  '',
  'x'.repeat(70),
  'é',
  'a b',
];
const BIG = [
  0,
  1,
  100,
  1e6,
  2 ** 40,
  Number.MAX_SAFE_INTEGER - 1,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  1e300,
  -1,
  0.5,
  NaN,
];

/** A random scenario document: mostly plausible, sometimes hostile. */
function scenarioDoc(rng: Rng): Record<string, unknown> {
  const id = (fallback: string) => (rng.chance(0.1) ? rng.pick(IDS) : fallback);
  const time = () => (rng.chance(0.1) ? rng.pick(BIG) : rng.int(0, 5_000_000));
  const lines = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
    id: id(`L${i}`),
    trigger: rng.chance(0.8) ? 'level' : 'edge',
  }));
  const entities = Array.from({ length: rng.int(1, 5) }, (_, e) => ({
    id: id(`vm${e}`),
    isrs: [] as unknown[],
  }));
  const devices = Array.from({ length: rng.int(1, 6) }, (_, d) => {
    const owner = rng.pick(entities).id;
    return {
      id: id(`dev${d}`),
      line: rng.pick(lines).id,
      owners: rng.chance(0.1) ? [] : [owner],
      pci23: rng.chance(0.8),
      statusReliable: rng.chance(0.9),
      deassertDelayNs: rng.chance(0.8) ? 0 : time(),
    };
  });
  for (const e of entities) {
    for (const d of devices) {
      if (d.owners.includes(e.id) || rng.chance(0.2))
        e.isrs.push({ id: `${e.id}-${d.id}`, device: d.id });
    }
    if (rng.chance(0.3)) e.isrs.push({ id: `${e.id}-other`, device: null });
  }
  const doc: Record<string, unknown> = {
    format: 'intx-lab/scenario',
    version: 1,
    name: 'fuzz',
    seed: rng.int(0, 2 ** 32 - 1),
    policy: rng.pick(['native', 'broadcast', 'selective']),
    chainWalk: rng.pick(['until-claimed', 'all']),
    forwardDeviceId: rng.chance(0.2),
    costs: rng.chance(0.3) ? { contextSwitchNs: time(), eoiNs: time() } : {},
    lines,
    devices,
    entities,
    stimuli: Array.from({ length: rng.int(0, 12) }, () => ({
      at: time(),
      device: rng.pick(devices).id,
      action: rng.pick(['raise', 'raise', 'raise', 'withdraw']),
    })),
    traffic: rng.chance(0.3)
      ? [
          {
            device: rng.pick(devices).id,
            meanIntervalNs: rng.chance(0.9) ? rng.int(1000, 100_000) : time(),
            count: rng.int(0, 200),
          },
        ]
      : [],
    nobodyCared: { enabled: rng.chance(0.5) },
    maxEvents: rng.chance(0.05) ? rng.pick([50_000_000, 0, -3, 1.5]) : rng.int(1, 20_000),
  };
  if (rng.chance(0.1)) doc[rng.pick(Object.keys(doc))] = rng.pick<unknown>([null, 'x', 3, [], {}]);
  return doc;
}

/**
 * Scenarios: refusals are clear; an accepted one runs (when it fits), gives a
 * trace that reads back, byte-identical twice. Data lost: an accepted scenario
 * whose trace does not read back, or two runs that differ.
 */
export function scenarios(count: number, seed: number): Promise<Figures> {
  return campaign('scenarios', count, seed, (rng) => {
    const r = normalizeScenario(scenarioDoc(rng));
    if (!r.ok) return clear(r.errors) ? 'ok' : 'unclear';
    if (retainedRunProblems(r.value).length > 0 || r.value.maxEvents > 20_000) return 'ok';
    const text = serializeTrace(simulate(r.value));
    if (text !== serializeTrace(simulate(r.value))) return 'lost';
    return parseTraceText(text).ok ? 'ok' : 'lost';
  });
}

function mutateJson(rng: Rng, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const copy = value.slice();
    const i = rng.int(0, copy.length - 1);
    copy[i] = mutateJson(rng, copy[i], depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const copy = { ...(value as Record<string, unknown>) };
    const k = rng.pick(keys);
    if (rng.chance(0.15) || keys.length === 0)
      copy[k] = rng.pick<unknown>([null, 999, '__proto__', 'ghost-vm', 'host', -1, [], {}]);
    else copy[k] = mutateJson(rng, copy[k], depth + 1);
    return copy;
  }
  if (typeof value === 'number')
    return rng.pick([value + 1, value - 1, 0, 999, -1, 2 ** 53, value * 2]);
  if (typeof value === 'string')
    return rng.pick(['__proto__', 'ghost-vm', 'host', '', value + 'x']);
  return rng.pick<unknown>([null, 0, 'x', !value]);
}

/**
 * Mutated traces: refusals are clear; an accepted trace must be what its
 * events say. Data lost (silently wrong): an accepted trace whose summary is
 * not the one its events give, or which names an id its scenario lacks.
 */
export function traces(count: number, seed: number): Promise<Figures> {
  const bases: Trace[] = ['fig3-broadcast', 'fig4-selective', 'storm', 'race-eoi'].map((n) => {
    const s = normalizeScenario(findPreset(n)!.file);
    if (!s.ok) throw new Error(n);
    return simulate(s.value);
  });
  return campaign('traces', count, seed, (rng) => {
    const base = JSON.parse(serializeTrace(rng.pick(bases))) as Record<string, unknown>;
    let doc: unknown = base;
    for (let k = rng.int(1, 3); k > 0; k--) doc = mutateJson(rng, doc);
    const r = parseTraceText(JSON.stringify(doc));
    if (!r.ok) return clear(r.errors) ? 'ok' : 'unclear';
    const t = r.value;
    if (JSON.stringify(summarize(t.scenario, t.events)) !== JSON.stringify(t.summary))
      return 'lost';
    const entities = new Set(t.scenario.entities.map((e) => e.id));
    for (const ev of t.events) {
      if (ev.type === 'ioapic.deliver' && ev.to !== 'host' && !entities.has(ev.to)) return 'lost';
    }
    return 'ok';
  });
}

const LSPCI = `00:1d.0 USB controller: Intel Corporation 82801 EHCI USB2 Enhanced Host Controller (rev 05)
\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-
\tInterrupt: pin A routed to IRQ 16
\tKernel driver in use: ehci-pci

00:1f.3 Audio device: Intel Corporation Sunrise Point-LP HD Audio (rev 21)
\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
\tInterrupt: pin A routed to IRQ 16
\tKernel driver in use: snd_hda_intel
`;
const PROC = `           CPU0       CPU1
  16:        120         33   IO-APIC   16-fasteoi   ehci_hcd:usb1, snd_hda_intel:card0
 120:          5          0   PCI-MSI 475136-edge      xhci_hcd
NMI:          0          0   Non-maskable interrupts
`;

/**
 * lspci and /proc/interrupts texts: a short stray line (a remark of a few
 * words) typed at a random place, plus random damage. Unclear: the stray line
 * is not reported although the line above it is too short to have been
 * wrapped (its first word would have fitted at 50 columns for lspci, 40 for
 * /proc/interrupts, the narrowest wraps the readers undo). Ambiguous: it is
 * read as the wrapped end of a long line above it, which a mailer could have
 * made. Data lost: the text gave nothing at all (no device, no report, no remark).
 */
export function machineTexts(count: number, seed: number): Promise<Figures> {
  return campaign('machine', count, seed, (rng) => {
    const proc = rng.chance(0.5);
    const lines = (proc ? PROC : LSPCI).split('\n');
    const at = rng.int(1, lines.length - 1);
    const junk = rng.pick(['see above', 'hello', '(output cut)', 'ok then', '--', 'sorry!']);
    lines.splice(at, 0, junk);
    let text = lines.join('\n');
    if (rng.chance(0.3)) {
      const cut = rng.int(0, text.length);
      text =
        text.slice(0, cut) +
        rng.pick(['\r\n', '\t', '> ', '$$$$', 'x'.repeat(rng.int(1, 3000))]) +
        text.slice(cut);
    }
    const inv = analyzeMachine(proc ? { procInterrupts: text } : { lspci: text });
    const reported = inv.notUnderstood.some((n) => n.text.includes(junk) || n.line === at + 1);
    if (!reported && text.includes(`\n${junk}\n`)) {
      const above =
        text
          .slice(0, text.indexOf(`\n${junk}\n`))
          .split('\n')
          .pop() ?? '';
      const fits = columns(above.trimEnd()) + 1 + junk.split(' ')[0]!.length < (proc ? 40 : 50);
      return fits ? 'unclear' : 'ambiguous';
    }
    if (inv.devices.length === 0 && inv.notUnderstood.length === 0 && inv.remarks.length === 0)
      return 'lost';
    return 'ok';
  });
}

/**
 * Tampered share links: each decodes to the work or one message that says it
 * is about the share link. Data lost: a tampered link that decodes to a
 * scenario other than one that validates.
 */
export async function shareLinks(count: number, seed: number): Promise<Figures> {
  const fragments: string[] = [];
  for (const p of PRESETS.slice(0, 4)) {
    const s = normalizeScenario(p.file);
    if (!s.ok) continue;
    const e = await encodeShare({ scenario: s.value, cursor: 7, presetName: p.name });
    if (e.ok) fragments.push(e.fragment);
  }
  return campaign('share', count, seed, async (rng) => {
    let f = rng.pick(fragments);
    const ops = rng.int(1, 3);
    for (let k = 0; k < ops; k++) {
      const i = rng.int(0, f.length - 1);
      const op = rng.int(0, 3);
      if (op === 0) f = f.slice(0, i);
      else if (op === 1)
        f = f.slice(0, i) + rng.pick(['A', '_', '%', '&', '=', '-', '0']) + f.slice(i + 1);
      else if (op === 2) f = f.replace(/intx=1/, `intx=${rng.pick(['2', 'x', '', '01'])}`);
      else
        f = f.replace(/cursor=\d+/, `cursor=${rng.pick(['-1', '1e9', 'x', '99999999999999999'])}`);
    }
    const r = await decodeShare(`#${f}`);
    if (r === null) return 'ok'; // no longer a share fragment at all: left alone
    if (!r.ok) return /share link/i.test(r.message) ? 'ok' : 'unclear';
    return normalizeScenario(r.work.scenario).ok ? 'ok' : 'lost';
  });
}

/**
 * localStorage states: saved work of every kind (valid, corrupt, truncated,
 * newer) in a storage that is healthy or full, opened plain, by ?preset= or by
 * a link. Data lost: the saved text is afterwards neither under its key nor
 * under a kept-aside key, or the page would save over it without a copy.
 */
export function storageStates(count: number, seed: number): Promise<Figures> {
  const scenario = normalizeScenario(findPreset('storm')!.file);
  if (!scenario.ok) throw new Error('storm');
  return campaign('storage', count, seed, async (rng) => {
    const items = new Map<string, string>();
    const full = rng.chance(0.5);
    const backing = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
        items.set(k, v);
      },
      removeItem: (k: string) => void items.delete(k),
    };
    const scratch = new Map<string, string>();
    saveWork(
      { getItem: () => null, setItem: (k, v) => scratch.set(k, v), removeItem: () => {} },
      {
        scenario: scenario.value,
        presetName: null,
        cursor: 3,
      },
    );
    const good = scratch.get(WORK_KEY)!;
    const saved = rng.pick([
      good,
      good.slice(0, rng.int(1, good.length - 1)),
      good.replace('"version":1', '"version":9'),
      good.replace('"cursor":3', '"cursor":-1'),
      good.replace(/"owners":\["[^"]+"\]/, '"owners":["ghost"]'),
      '{not json',
    ]);
    items.set(WORK_KEY, saved);
    const storage = safeStorage(backing);
    const search = rng.pick(['', '?preset=fig2-native', '?preset=nope']);
    const choice = await chooseStart({ hash: '', search, storage });
    const kept =
      items.get(WORK_KEY) === saved ||
      [...items.entries()].some(([k, v]) => k.startsWith(KEPT_ASIDE_PREFIX) && v === saved);
    if (!kept) return 'lost';
    // If the page may save, the saved text must exist somewhere other than WORK_KEY (or be what it opens).
    const elsewhere = [...items.entries()].some(
      ([k, v]) => k.startsWith(KEPT_ASIDE_PREFIX) && v === saved,
    );
    const opensIt = choice.kind === 'work' && choice.from === 'saved';
    if (choice.save && !elsewhere && !opensIt && !full) return 'lost';
    if (choice.save && full && !elsewhere && !opensIt) return 'lost';
    return choice.notes.every((n) => n.length > 10) ? 'ok' : 'unclear';
  });
}

/** Every campaign with `count` inputs each (scaled per campaign), from `seed`. */
export async function runAll(count: number, seed: number): Promise<Figures[]> {
  return [
    await scenarios(count, seed),
    await traces(count, seed + 1),
    await machineTexts(Math.ceil(count / 5), seed + 2),
    await shareLinks(Math.ceil(count / 20), seed + 3),
    await storageStates(Math.ceil(count / 50), seed + 4),
  ];
}
