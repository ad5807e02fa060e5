import { useRef, useState } from 'react';
import type { ExportKind } from '../../protocol/api';
import { selectRun, useAppStore, useAppStoreApi } from '../../store';
import { downloadFile } from './download';
import { useDismiss } from './useDismiss';
import {
  downloadDataUrl,
  graphImage,
  graphImageFileName,
  type GraphImageKind,
} from './graph-image';

const KINDS: readonly { kind: ExportKind; label: string; hint: string }[] = [
  {
    kind: 'trace',
    label: 'Trace (JSON)',
    hint: 'Every event of this run, with its scenario and summary',
  },
  {
    kind: 'scenario',
    label: 'Scenario (JSON)',
    hint: 'The scenario, with the actions done by hand',
  },
  { kind: 'vcd', label: 'Waveforms (VCD)', hint: 'Every signal for GTKWave or Surfer' },
  { kind: 'wave', label: 'WaveDrom (JSON)', hint: 'The first steps as WaveJSON for WaveDrom' },
];

const IMAGES: readonly { kind: GraphImageKind; label: string; hint: string }[] = [
  {
    kind: 'svg',
    label: 'Graph as SVG',
    hint: 'The whole topology at this step, as a vector image',
  },
  { kind: 'png', label: 'Graph as PNG', hint: 'The whole topology at this step, as a picture' },
];

/** Export the current run. Files are serialized by the simulation, off the UI thread. */
export function ExportMenu() {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  const [busy, setBusy] = useState<ExportKind | GraphImageKind | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);

  /**
   * A chosen item closes the menu. Focus, on the item (disabled while it worked, so
   * perhaps already dropped to the page), goes back to the menu's button.
   */
  function closeMenu(): void {
    const el = menu.current;
    if (!el) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || el.contains(active);
    el.open = false;
    if (lost) el.querySelector('summary')?.focus();
  }

  async function exportAs(kind: ExportKind): Promise<void> {
    setBusy(kind);
    try {
      const file = await store.getState().exportFile(kind);
      if (file) downloadFile(file);
    } finally {
      setBusy(null);
      closeMenu();
    }
  }

  async function exportImage(kind: GraphImageKind): Promise<void> {
    const { scenario } = store.getState();
    if (!scenario) return;
    setBusy(kind);
    try {
      downloadDataUrl(await graphImage(kind), graphImageFileName(scenario, kind));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      store.getState().setError(`Graph image failed: ${detail}`);
    } finally {
      setBusy(null);
      closeMenu();
    }
  }

  return (
    <details className="export-menu" ref={menu}>
      <summary aria-label="Export">Export</summary>
      <div className="export-menu__items" role="group" aria-label="Export formats">
        {KINDS.map(({ kind, label, hint }) => (
          <button
            key={kind}
            type="button"
            title={hint}
            disabled={!run || busy !== null}
            onClick={() => void exportAs(kind)}
          >
            {busy === kind ? `${label}…` : label}
          </button>
        ))}
        {IMAGES.map(({ kind, label, hint }) => (
          <button
            key={kind}
            type="button"
            title={hint}
            disabled={!run || busy !== null}
            onClick={() => void exportImage(kind)}
          >
            {busy === kind ? `${label}…` : label}
          </button>
        ))}
      </div>
    </details>
  );
}
