import { lazy, type ComponentType } from 'react';
import type { Workspace } from '../store';

// Loaded on first use: the visualizer opens without the code of the other
// workspaces (the editor and machine readers bring the file-format schemas).
const CompareWorkspace = lazy(() =>
  import('../views/compare').then((m) => ({ default: m.CompareWorkspace })),
);
const EditorWorkspace = lazy(() =>
  import('../views/editor').then((m) => ({ default: m.EditorWorkspace })),
);
const GalleryWorkspace = lazy(() =>
  import('../views/gallery').then((m) => ({ default: m.GalleryWorkspace })),
);
const LearnWorkspace = lazy(() =>
  import('../views/learn').then((m) => ({ default: m.LearnWorkspace })),
);
const MachineWorkspace = lazy(() =>
  import('../views/machine').then((m) => ({ default: m.MachineWorkspace })),
);

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
  { id: 'learn', label: 'Learn', Component: LearnWorkspace, player: false },
  { id: 'compare', label: 'Compare', Component: CompareWorkspace, player: true },
  { id: 'editor', label: 'Editor', Component: EditorWorkspace, player: false },
  { id: 'gallery', label: 'Presets', Component: GalleryWorkspace, player: false },
  { id: 'machine', label: 'Your machine', Component: MachineWorkspace, player: false },
];
