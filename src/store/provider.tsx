import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './create-app-store';
import type { AppState } from './types';

const StoreContext = createContext<AppStore | null>(null);

/** Makes one app store available below it (each test renders its own). */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and commands (does not subscribe). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

/**
 * Subscribe to one value of the store. Pass a selector defined at module
 * scope; wrap it in `useShallow` when it builds an object or array.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
