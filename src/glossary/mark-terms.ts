/**
 * Finds the glossary's terms in a sentence the page writes (the narration),
 * so each can carry its definition. Plain text in, pieces out: no React.
 */
import type { TermId } from './terms';

/** A piece of a sentence: plain text, or the words of one term. */
export interface TextPiece {
  text: string;
  term: TermId | null;
}

/**
 * The phrases the narration uses for each term, longest first within a term
 * (so "Interrupt Disable (Command bit 10)" is one term, not two). The order
 * of the list decides between terms that share words: "controller pin" is the
 * I/O APIC's, not a device's INTx pin.
 */
const PHRASES: readonly (readonly [TermId, string])[] = [
  ['status-520', String.raw`(?:INTx|Interrupt) Status(?: \(Status bit 3\))?|Gate 520|Status bit 3`],
  [
    'disable-530',
    String.raw`(?:INTx|Interrupt) Disable(?: \(Command bit 10\))?|Gate 530|Command bit 10`,
  ],
  ['enable-510', String.raw`(?:interrupt )?enable \(510\)`],
  ['cause-500', String.raw`(?:interrupt )?cause(?: \(500\)| 500)?`],
  ['ioapic', String.raw`(?:interrupt )?controller(?: pin)?|I\/O APIC`],
  ['remote-irr', 'Remote IRR'],
  ['mask', '(?:un)?mask(?:ed|ing|s)?'],
  ['intx-pin', String.raw`(?:INTx )?pin`],
  ['legacy', String.raw`pre-2\.3 device`],
  ['pci23', String.raw`PCI 2\.3`],
  ['intx', 'INTx'],
  ['wired-or', 'wired-OR'],
  ['level', String.raw`level-triggered|level line`],
  ['edge', 'edge-triggered|edges?'],
  ['eoi', "EOI(?:'d|s)?|end of interrupt"],
  ['host-monitor', 'host monitor'],
  ['broadcast', 'broadcast'],
  ['selective', 'selective'],
  ['in-flight', 'in flight'],
  ['isr-chain', 'ISR chain|chain'],
  ['isr', 'ISRs?'],
  ['claimed', 'claimed'],
  ['not-mine', 'not mine'],
  ['spurious', 'spurious'],
  ['context-switch', 'context switch(?:es)?'],
  ['nobody-cared', 'nobody[ -]cared'],
];

// Not inside a longer word or a name: ids such as "legacy-nic" or "vm-broadcast" are names,
// so a letter, digit, hyphen or underscore next to a phrase means it is part of something else.
const OUTSIDE_BEFORE = '(?<![\\w-])';
const OUTSIDE_AFTER = '(?![\\w-])';

const PATTERN = new RegExp(
  PHRASES.map(([, p]) => `${OUTSIDE_BEFORE}(${p})${OUTSIDE_AFTER}`).join('|'),
  'gi',
);

/** A sentence ends at ".", "!" or "?" followed by a space (so "2.3" and "00:1d.0" do not end one). */
const SENTENCE_END = /[.!?](?=\s)/g;

function sentenceEnds(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => m.index + 1);
}

/**
 * `text` cut into pieces, the first occurrence of each term in each sentence
 * marked (a term said twice in one sentence is defined once). Joining the
 * pieces' text gives `text` back unchanged.
 */
export function markTerms(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const ends = sentenceEnds(text);
  let sentence = 0;
  let seen = new Set<TermId>();
  let done = 0;
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index;
    while (sentence < ends.length && ends[sentence]! <= start) {
      sentence += 1;
      seen = new Set();
    }
    const group = match.slice(1).findIndex((g) => g !== undefined);
    const term = PHRASES[group]![0];
    if (seen.has(term)) continue;
    seen.add(term);
    if (start > done) pieces.push({ text: text.slice(done, start), term: null });
    pieces.push({ text: match[0], term });
    done = start + match[0].length;
  }
  if (done < text.length) pieces.push({ text: text.slice(done), term: null });
  return pieces;
}
