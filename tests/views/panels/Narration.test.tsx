// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { narrate } from '../../../src/replay/narrate';
import { Narration } from '../../../src/views/panels';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

describe('Narration', () => {
  it('is a polite live region that says where the run starts', async () => {
    await renderWithStore(<Narration />);
    const region = screen.getByTestId('narration');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toMatch(/At the start/);
  });

  it('narrates the event that led to the frame', async () => {
    const { store } = await renderWithStore(<Narration />);
    await inAct(() => store.getState().stepForward());
    const event = store.getState().frame!.event!;
    expect(screen.getByTestId('narration').textContent).toContain(narrate(event));
    await inAct(() => store.getState().seek(7));
    expect(screen.getByTestId('narration').textContent).toContain(
      narrate(store.getState().frame!.event!),
    );
  });

  it('says the Figure 6 number once: the badge, then ": " for screen readers', async () => {
    const { store } = await renderWithStore(<Narration />);
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    const i = events.findIndex((e) => e.type === 'isr.call');
    await inAct(() => store.getState().seek(i + 1));
    const text = screen.getByTestId('narration').textContent!;
    expect(text).toMatch(/^640: \S+ calls /);
    expect(text).not.toMatch(/640\s*640/);
  });
});

describe('Narration terms', () => {
  it('gives the terms in its sentences a definition one focus away', async () => {
    const { store } = await renderWithStore(<Narration />);
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    // "Remote IRR of INTA is set: no further delivery until EOI."
    const i = events.findIndex((e) => e.type === 'ioapic.remote-irr');
    await inAct(() => store.getState().seek(i + 1));
    const region = screen.getByTestId('narration');
    expect(region.textContent).toContain(narrate(events[i]!));
    const terms = [...region.querySelectorAll<HTMLElement>('[role="term"]')];
    expect(terms.map((t) => [t.textContent, t.dataset['term']])).toEqual([
      ['Remote IRR', 'remote-irr'],
      ['EOI', 'eoi'],
    ]);
    for (const t of terms) {
      expect(t.tabIndex).toBe(0);
      expect(document.getElementById(t.getAttribute('aria-describedby')!)?.textContent).toMatch(
        /\w/,
      );
    }
  });

  it('defines the Figure 6 badge', async () => {
    const { store } = await renderWithStore(<Narration />);
    const events = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    const i = events.findIndex((e) => e.type === 'isr.call');
    await inAct(() => store.getState().seek(i + 1));
    const badge = screen.getByTestId('narration').querySelector('.flow-box') as HTMLElement;
    expect(badge.getAttribute('role')).toBe('term');
    expect(badge.dataset['term']).toBe('flow-640');
  });
});
