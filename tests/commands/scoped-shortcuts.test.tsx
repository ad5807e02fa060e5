// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, useKeyboardShortcuts } from '../../src/commands';
import { renderWithStore } from '../views/panels/render-with-store';

afterEach(cleanup);

/** An app root as in embed mode: keys count only inside it. */
function ScopedApp() {
  const root = useRef<HTMLDivElement>(null);
  useKeyboardShortcuts(COMMANDS, root);
  return (
    <>
      <p data-testid="outside">the course page</p>
      <div ref={root} tabIndex={-1} data-testid="root">
        <span data-testid="inside">inside the app</span>
      </div>
    </>
  );
}

function WindowApp() {
  useKeyboardShortcuts();
  return <p data-testid="outside">anywhere</p>;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('keyboard shortcuts in embed mode', () => {
  it('ignore keys pressed outside the app root', async () => {
    const { store } = await renderWithStore(<ScopedApp />);
    fireEvent.keyDown(screen.getByTestId('outside'), { key: 'ArrowRight' });
    fireEvent.keyDown(document.body, { key: 'End' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await settle();
    expect(store.getState().cursor).toBe(0);
  });

  it('act on keys pressed inside it', async () => {
    const { store } = await renderWithStore(<ScopedApp />);
    const inside = screen.getByTestId('inside');
    fireEvent.keyDown(inside, { key: 'ArrowRight' });
    await settle();
    expect(store.getState().cursor).toBe(1);
    fireEvent.keyDown(screen.getByTestId('root'), { key: 'End' });
    await settle();
    expect(store.getState().cursor).toBe(store.getState().run!.eventCount);
  });

  it('without a scope, still act anywhere in the page (the full app)', async () => {
    const { store } = await renderWithStore(<WindowApp />);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    await settle();
    expect(store.getState().cursor).toBe(1);
  });

  it('Escape leaves presentation mode; otherwise the page leaves it to the browser', async () => {
    const { store } = await renderWithStore(<WindowApp />);
    // Not presenting: Escape is nobody's here, and its default (a native dialog's cancel) stays.
    expect(fireEvent.keyDown(document.body, { key: 'Escape' })).toBe(true);
    store.getState().togglePresentation();
    expect(fireEvent.keyDown(document.body, { key: 'Escape' })).toBe(false);
    expect(store.getState().presentation).toBe(false);
  });

  it('a player key with nothing to do still does not scroll the page', async () => {
    const { store } = await renderWithStore(<WindowApp />);
    expect(store.getState().cursor).toBe(0);
    // Back at the start has nothing to do; the arrow's default would scroll.
    expect(fireEvent.keyDown(document.body, { key: 'ArrowLeft' })).toBe(false);
  });
});
