import { createContext, useContext } from 'react';

/** Says something to screen readers through the editor's aria-live region. */
export const AnnounceContext = createContext<(text: string) => void>(() => {});

export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}
