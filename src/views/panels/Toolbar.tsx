import type { ReactNode } from 'react';
import { OpenFileButton } from '../import';
import { CommandButton } from './CommandButton';
import { GlossaryButton } from '../terms';
import { ExportMenu } from './ExportMenu';
import { PanelToggles } from './PanelToggles';
import { PolicyPicker } from './PolicyPicker';
import { PresentationToggle } from './PresentationToggle';
import { PresetPicker } from './PresetPicker';
import { ResetButton } from './ResetButton';
import { ShareButton } from './ShareButton';
import { ThemeToggle } from './ThemeToggle';

/**
 * The top bar: what to simulate (scenario, policy) and how to show it.
 * `tabs` is the workspace switcher, drawn by the app.
 */
export function Toolbar({ tabs = null }: { tabs?: ReactNode }) {
  return (
    <header className="toolbar">
      <h1 className="brand">INTx Lab</h1>
      {tabs}
      <PresetPicker />
      <PolicyPicker />
      <ResetButton />
      <div className="toolbar-end">
        <ShareButton />
        <OpenFileButton />
        <ExportMenu />
        <PanelToggles />
        <PresentationToggle />
        <GlossaryButton />
        <ThemeToggle />
        <CommandButton id="keyboard-help" text="Keys" />
      </div>
    </header>
  );
}
