import type { ComponentType } from 'react';
import type { Workspace } from '../store';
import { CompareWorkspace } from '../views/compare';
import { EditorWorkspace } from '../views/editor';
import { GalleryWorkspace } from '../views/gallery';
import { MachineWorkspace } from '../views/machine';

/**
 * The page's workspaces, in tab order. The visualizer is the layout itself
 * (graph, timeline, side panels); every other workspace fills the main area
 * with its own component.
 */
export interface WorkspaceEntry {
  id: Workspace;
  label: string;
  /** Null for the visualizer, which the layout draws itself. */
  Component: ComponentType | null;
  /** Whether the player (controls, scrubber) is shown under it. */
  player: boolean;
}

export const WORKSPACES: readonly WorkspaceEntry[] = [
  { id: 'visualize', label: 'Visualize', Component: null, player: true },
  { id: 'compare', label: 'Compare', Component: CompareWorkspace, player: true },
  { id: 'editor', label: 'Editor', Component: EditorWorkspace, player: false },
  { id: 'gallery', label: 'Presets', Component: GalleryWorkspace, player: false },
  { id: 'machine', label: 'Your machine', Component: MachineWorkspace, player: false },
];
