/**
 * The editor's own small store: the draft history. One per app store (kept in
 * a WeakMap, not a module singleton), so the draft survives switching tabs,
 * the gallery can hand it a copy, and every test gets a fresh one.
 */
import { useContext, createContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  canRedo,
  canUndo,
  edit,
  emptyDraft,
  redo,
  startHistory,
  undo,
  type Draft,
  type EditOp,
  type History,
} from '../../editor';
import { loadDraft, saveDraft } from '../../persist';
import { useAppStoreApi, type AppStore } from '../../store';

export interface EditorState {
  history: History;
  apply(op: EditOp): void;
  /** Starts over from `draft` as one undoable step ("New empty", "Edit a copy"). */
  replace(draft: Draft): void;
  undo(): void;
  redo(): void;
}

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(initial: Draft = emptyDraft()): EditorStore {
  return createStore<EditorState>()((set) => ({
    history: startHistory(initial),
    apply: (op) => set((s) => ({ history: edit(s.history, op) })),
    replace: (draft) => set((s) => ({ history: edit(s.history, { type: 'replace', draft }) })),
    undo: () => set((s) => ({ history: undo(s.history) })),
    redo: () => set((s) => ({ history: redo(s.history) })),
  }));
}

const stores = new WeakMap<AppStore, EditorStore>();

/** The editor store that belongs to `app`, created on first use. */
export function editorStoreFor(app: AppStore): EditorStore {
  let store = stores.get(app);
  if (!store) {
    // The draft comes back after a reload, and is saved at every edit.
    const editor = createEditorStore(loadDraft(app.storage, emptyDraft()) ?? emptyDraft());
    editor.subscribe((s, before) => {
      if (s.history.present !== before.history.present) saveDraft(app.storage, s.history.present);
    });
    stores.set(app, editor);
    store = editor;
  }
  return store;
}

/** Lets a test render a section around a store of its own. */
export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStoreApi(): EditorStore {
  const app = useAppStoreApi();
  return useContext(EditorStoreContext) ?? editorStoreFor(app);
}

export function useEditor<T>(select: (s: EditorState) => T): T {
  return useStore(useEditorStoreApi(), select);
}

export const selectDraft = (s: EditorState): Draft => s.history.present;
export const selectCanUndo = (s: EditorState): boolean => canUndo(s.history);
export const selectCanRedo = (s: EditorState): boolean => canRedo(s.history);

/** The dispatch function of the sections. */
export function useApply(): (op: EditOp) => void {
  return useEditorStoreApi().getState().apply;
}
