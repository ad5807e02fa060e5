// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { glossaryTerm } from '../../../src/glossary';
import { GlossaryButton, Term, WatchFor } from '../../../src/views/terms';

afterEach(cleanup);

describe('Term', () => {
  it('is a focusable term described by its definition, shown on focus and hidden by Escape', () => {
    render(
      <p>
        <Term id="remote-irr">IRR</Term>
      </p>,
    );
    const word = screen.getByRole('term');
    expect(word.tabIndex).toBe(0);
    expect(word.textContent).toBe('IRR');
    const described = document.getElementById(word.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe(glossaryTerm('remote-irr').definition);

    expect(screen.queryByTestId('term-tip')).toBeNull();
    fireEvent.focus(word);
    expect(screen.getByTestId('term-tip').textContent).toContain('cleared by the EOI');
    fireEvent.keyDown(word, { key: 'Escape' });
    expect(screen.queryByTestId('term-tip')).toBeNull();
    fireEvent.mouseEnter(word);
    expect(screen.getByTestId('term-tip')).toBeTruthy();
    fireEvent.mouseLeave(word);
    expect(screen.queryByTestId('term-tip')).toBeNull();
  });
});

describe('WatchFor', () => {
  it("shows a preset's two sentences until dismissed, and another preset's when it opens", () => {
    const { rerender } = render(<WatchFor presetName="race-eoi" />);
    expect(screen.getByTestId('watch-for').textContent).toContain('3 µs');
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByTestId('watch-for')).toBeNull();
    rerender(<WatchFor presetName="storm" />);
    expect(screen.getByTestId('watch-for').textContent).toContain('nobody cared');
    rerender(<WatchFor presetName={null} />);
    expect(screen.queryByTestId('watch-for')).toBeNull();
  });
});

describe('GlossaryButton', () => {
  it('lists every term with its definition', () => {
    render(<GlossaryButton />);
    const dts = document.querySelectorAll('.glossary-dialog dt');
    expect([...dts].map((dt) => dt.textContent)).toContain('Remote IRR');
    expect(document.querySelector('[data-entry="in-flight"] dd')?.textContent).toBe(
      glossaryTerm('in-flight').definition,
    );
  });
});
