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
});
