import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StoreProvider, type AppStore } from '../../../src/store';
import { loadedStore } from '../../store/make-store';

/** Renders `ui` inside a provider around a fresh store with a preset loaded. */
export async function renderWithStore(
  ui: ReactElement,
  preset?: string,
): Promise<{ store: AppStore; view: RenderResult }> {
  const store = await loadedStore(preset);
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  // Let effects that fetch (the event window) settle.
  await act(async () => {});
  return { store, view };
}

/** Runs a store action inside act() so React sees the updates it causes. */
export async function inAct(action: () => unknown): Promise<void> {
  await act(async () => {
    await action();
  });
}
