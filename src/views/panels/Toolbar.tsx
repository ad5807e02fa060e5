import { ExportMenu } from './ExportMenu';
import { PanelToggles } from './PanelToggles';
import { PolicyPicker } from './PolicyPicker';
import { PresetPicker } from './PresetPicker';
import { ThemeToggle } from './ThemeToggle';

/** The top bar: what to simulate (scenario, policy) and how to show it. */
export function Toolbar() {
  return (
    <header className="toolbar">
      <h1 className="brand">INTx Lab</h1>
      <PresetPicker />
      <PolicyPicker />
      <div className="toolbar-end">
        <ExportMenu />
        <PanelToggles />
        <ThemeToggle />
      </div>
    </header>
  );
}
