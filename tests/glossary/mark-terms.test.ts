import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markTerms, TERMS } from '../../src/glossary';

const marked = (text: string) => markTerms(text).flatMap((p) => (p.term ? [[p.text, p.term]] : []));

describe('markTerms finds the glossary terms in a narration sentence', () => {
  it('takes the longest phrase of a term, once per sentence', () => {
    // narrate() for device.intx-disable: the whole register name is one term.
    expect(
      marked('The host sets Interrupt Disable (Command bit 10) of nic0: its pin is masked.'),
    ).toEqual([
      ['Interrupt Disable (Command bit 10)', 'disable-530'],
      ['pin', 'intx-pin'],
      ['masked', 'mask'],
    ]);
    expect(marked('Gate 520 of nic0: INTx Status (Status bit 3) becomes 1.')).toEqual([
      ['Gate 520', 'status-520'],
    ]);
  });

  it('starts afresh in each sentence', () => {
    // explain() for the EOI race: two sentences, EOI in both.
    expect(marked('The EOI re-delivers. The EOI clears Remote IRR, then EOI again.')).toEqual([
      ['EOI', 'eoi'],
      ['EOI', 'eoi'],
      ['Remote IRR', 'remote-irr'],
    ]);
    // "2.3" does not end a sentence.
    expect(marked('without PCI 2.3 masking the pin stays; the pin')).toEqual([
      ['PCI 2.3', 'pci23'],
      ['masking', 'mask'],
      ['pin', 'intx-pin'],
    ]);
  });

  it('leaves names alone: a term inside an id is part of the name', () => {
    expect(marked('640: vm-broadcast calls isr-edge: not mine.')).toEqual([
      ['not mine', 'not-mine'],
    ]);
    expect(marked('legacy_spurious asserts on edge0line.')).toEqual([]);
  });

  it('tells the controller pin from a device pin', () => {
    expect(marked('The controller pin of INTA is unmasked by host.')).toEqual([
      ['controller pin', 'ioapic'],
      ['unmasked', 'mask'],
    ]);
  });

  it('marks only ids the glossary has', () => {
    const ids = new Set(TERMS.map((t) => t.id));
    const sentence =
      'interrupt cause (500) enable (510) INTx Status INTx Disable pin wired-OR level line edge controller Remote IRR mask EOI PCI 2.3 pre-2.3 device host monitor broadcast selective in flight ISR ISR chain claimed not mine spurious context switch nobody cared INTx';
    const found = marked(sentence).map(([, id]) => id!);
    expect(found.every((id) => ids.has(id as never))).toBe(true);
    expect(new Set(found).size).toBeGreaterThanOrEqual(25);
  });

  it('gives the text back unchanged, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const pieces = markTerms(text);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        expect(pieces.every((p) => p.text.length > 0)).toBe(true);
      }),
    );
    const words = fc.constantFrom('EOI', 'pin', 'the', 'ISR', 'chain', '.', ' ', 'vm-', 'edge');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(
          markTerms(text)
            .map((p) => p.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });
});
