/** Public API of the Editor workspace. */
export { EditorWorkspace } from './EditorWorkspace';
export {
  createEditorStore,
  editorStoreFor,
  EditorStoreContext,
  type EditorStore,
} from './editor-store';
