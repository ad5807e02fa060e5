import { DEFAULT_PREFERENCES } from './preferences';
import type { SliceCreator, ViewOptionsSlice } from './types';

/** The view-options slice: what is shown and how, never what is simulated. */
export const createViewOptionsSlice: SliceCreator<ViewOptionsSlice> = (set, get) => ({
  panels: { ...DEFAULT_PREFERENCES.panels },
  theme: DEFAULT_PREFERENCES.theme,
  expandedDevices: [],
  workspace: 'visualize',
  keyboardHelp: false,

  setKeyboardHelp(open) {
    set({ keyboardHelp: open }, false, { type: 'view/setKeyboardHelp', open });
  },

  presentation: false,

  togglePresentation() {
    set({ presentation: !get().presentation }, false, 'view/togglePresentation');
  },

  setWorkspace(workspace) {
    set({ workspace }, false, { type: 'view/setWorkspace', workspace });
  },

  togglePanel(panel) {
    const panels = { ...get().panels, [panel]: !get().panels[panel] };
    set({ panels }, false, { type: 'view/togglePanel', panel });
  },

  setTheme(theme) {
    set({ theme }, false, { type: 'view/setTheme', theme });
  },

  toggleDeviceExpanded(deviceId) {
    const current = get().expandedDevices;
    const expandedDevices = current.includes(deviceId)
      ? current.filter((id) => id !== deviceId)
      : [...current, deviceId];
    set({ expandedDevices }, false, { type: 'view/toggleDeviceExpanded', deviceId });
  },

  setExpandedDevices(deviceIds) {
    set({ expandedDevices: [...deviceIds] }, false, 'view/setExpandedDevices');
  },
});
