// @vitest-environment jsdom
import '../views/graph/setup-dom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { findLesson } from '../../src/lessons';
import { loadedStore } from '../store/make-store';

/**
 * Focus after a control switches the workspace from inside the one it leaves
 * (src/app/useFocusLanding.ts): the control is unmounted with its workspace,
 * so without a landing place focus would fall to the page's body.
 */
describe('focus after a workspace switch', () => {
  afterEach(cleanup);

  /** Renders the app on the gallery, focuses the card's button `name` and presses it. */
  async function pressInGallery(name: string) {
    const store = await loadedStore();
    render(<App store={store} />);
    await act(async () => store.getState().setWorkspace('gallery'));
    const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
    button.focus();
    expect(document.activeElement).toBe(button);
    await act(async () => {
      fireEvent.click(button);
    });
    return store;
  }

  /** The current workspace's tab, which has focus. */
  function expectFocusOnTab(label: string) {
    const tab = screen.getByRole('button', { name: label });
    expect(tab.getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(tab);
  }

  it("a preset card's Open lands focus on the Visualize tab, not on the page", async () => {
    const store = await pressInGallery('Open fig4-selective');
    expect(store.getState().workspace).toBe('visualize');
    expectFocusOnTab('Visualize');
  });

  it("a preset card's Edit a copy lands focus on the Editor tab", async () => {
    const store = await pressInGallery('Edit a copy of fig4-selective');
    expect(store.getState().workspace).toBe('editor');
    expectFocusOnTab('Editor');
  });

  it('a workspace tab that keeps focus through the switch keeps it', async () => {
    const store = await loadedStore();
    render(<App store={store} />);
    const compare = screen.getByRole('button', { name: 'Compare' });
    compare.focus();
    await act(async () => {
      fireEvent.click(compare);
    });
    expect(store.getState().workspace).toBe('compare');
    expect(document.activeElement).toBe(compare);
  });

  it("the first-visit offer's Start lesson 1 lands focus on the lesson", async () => {
    const store = await loadedStore();
    render(<App store={store} />);
    const start = await screen.findByRole(
      'button',
      { name: 'Start lesson 1' },
      { timeout: 10_000 },
    );
    start.focus();
    await act(async () => {
      fireEvent.click(start);
    });
    const lesson = await screen.findByRole('region', { name: 'Lesson' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(lesson));
  });

  it("a lesson's Leave lesson lands focus on the Visualize tab", async () => {
    const store = await loadedStore();
    await store.getState().startLesson(findLesson('broadcast')!, { seed: 3 });
    render(<App store={store} />);
    const leave = await screen.findByRole('button', { name: 'Leave lesson' }, { timeout: 10_000 });
    leave.focus();
    await act(async () => {
      fireEvent.click(leave);
    });
    expect(store.getState().activeLesson).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Visualize' }));
  });
});
