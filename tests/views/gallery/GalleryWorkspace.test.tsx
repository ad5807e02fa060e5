// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/presets';
import { editorStoreFor } from '../../../src/views/editor';
import { GalleryWorkspace, presetSummary } from '../../../src/views/gallery';
import { normalizeScenario } from '../../../src/trace-io';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

const scenarioOf = (name: string) => {
  const parsed = normalizeScenario(PRESETS.find((p) => p.name === name)!.file);
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
};

describe('GalleryWorkspace', () => {
  it('shows one card per preset with what it teaches and its machine', async () => {
    await renderWithStore(<GalleryWorkspace />);
    const cards = screen.getAllByRole('listitem');
    expect(cards).toHaveLength(PRESETS.length);
    for (const preset of PRESETS) {
      const card = screen.getByTestId(`preset-card-${preset.name}`);
      expect(card.textContent).toContain(preset.teaches);
    }
    const fig3 = screen.getByTestId('preset-card-fig3-broadcast');
    expect(fig3.textContent).toContain('3 devices · line INTA · 3 VMs · broadcast');
    expect(within(fig3).getByText('open now')).toBeTruthy();
  });

  it('summarizes topologies in words', () => {
    expect(presetSummary(scenarioOf('legacy-device'))).toMatch(/pre-2\.3/);
    // No VMs natively: one OS and its chain.
    expect(presetSummary(scenarioOf('fig2-native'))).toMatch(/one OS, \d+ ISRs/);
    expect(presetSummary(scenarioOf('fig2-native'))).not.toMatch(/VM/);
    expect(presetSummary(scenarioOf('edge-loss'))).toMatch(/\(edge\)/);
    expect(presetSummary(scenarioOf('threads'))).toMatch(/threads?/);
    expect(presetSummary(scenarioOf('fig4-device-id'))).toMatch(/device id forwarded/);
    // Message-signalled devices drive no line.
    expect(presetSummary(scenarioOf('fig3-msi'))).toBe(
      '3 devices · no shared line · all MSI · 3 VMs · broadcast',
    );
  });

  it('Open loads the preset in the visualizer', async () => {
    const { store } = await renderWithStore(<GalleryWorkspace />);
    await inAct(() => fireEvent.click(screen.getByRole('button', { name: 'Open fig4-selective' })));
    await inAct(async () => {});
    expect(store.getState().workspace).toBe('visualize');
    expect(store.getState().presetName).toBe('fig4-selective');
  });

  it('Edit a copy opens the preset in the editor, as one undoable step', async () => {
    const { store } = await renderWithStore(<GalleryWorkspace />);
    await inAct(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Edit a copy of storm' })),
    );
    expect(store.getState().workspace).toBe('editor');
    const editor = editorStoreFor(store);
    expect(editor.getState().history.present).toEqual(scenarioOf('storm'));
    expect(editor.getState().history.past).toHaveLength(1);
    expect(store.getState().presetName).toBe('fig3-broadcast'); // the visualizer is untouched
  });
});
