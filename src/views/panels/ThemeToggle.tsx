import type { Theme } from '../../store';
import { selectTheme, useAppStore, useAppStoreApi } from '../../store';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles light, dark and the system's choice. */
export function ThemeToggle() {
  const store = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  return (
    <button
      type="button"
      className="toggle"
      aria-label={`Theme: ${LABEL[theme]}`}
      title={`Theme: ${LABEL[theme]} (click for ${LABEL[NEXT[theme]]})`}
      onClick={() => store.getState().setTheme(NEXT[theme])}
    >
      Theme: {LABEL[theme]}
    </button>
  );
}
