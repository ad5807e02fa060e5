import { useEffect } from 'react';
import { selectTheme, useAppStore } from '../store';

/** Puts the chosen theme on <html data-theme>, following the system when asked to. */
export function useTheme(): void {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () => {
      root.dataset.theme = query?.matches ? 'dark' : 'light';
    };
    apply();
    query?.addEventListener('change', apply);
    return () => query?.removeEventListener('change', apply);
  }, [theme]);
}
