import { draftFromScenario, emptyDraft, type Validation } from '../../editor';
import { selectScenario, useAppStore, useAppStoreApi } from '../../store';
import { selectCanRedo, selectCanUndo, useEditor, useEditorStoreApi } from './editor-store';

/**
 * Start over, undo/redo, and leave for the visualizer or the comparison.
 * Running is disabled while the draft has errors, and the first one is shown.
 */
export function EditorToolbar({
  validation,
  refused = {},
}: {
  validation: Validation;
  /** Fields whose typed text was refused, by path: their message. */
  refused?: Readonly<Record<string, string>>;
}) {
  const app = useAppStoreApi();
  const editor = useEditorStoreApi();
  const current = useAppStore(selectScenario);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const { scenario, blocking } = validation;
  // A field that refused what was typed shows an error although the draft kept
  // its last good value: running now would run something other than shown.
  const refusedField = Object.values(refused)[0];
  const reason =
    blocking.length > 0
      ? `Cannot run yet: ${blocking[0]!.text}${blocking.length > 1 ? ` (and ${blocking.length - 1} more below)` : ''}`
      : refusedField
        ? `Cannot run yet: a field shows an error (${refusedField}). Fix it or press Escape there.`
        : null;
  const runnable = scenario !== null && reason === null;
  const storm = validation.messages.find((m) => m.storm);

  const run = async (workspace: 'visualize' | 'compare') => {
    if (!scenario || !runnable) return;
    app.getState().setWorkspace(workspace);
    await app.getState().loadScenario(scenario, null);
  };

  return (
    <div className="ed-toolbar" role="toolbar" aria-label="Editor">
      <div className="button-row">
        <button type="button" onClick={() => editor.getState().replace(emptyDraft())}>
          New empty
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && editor.getState().replace(draftFromScenario(current))}
        >
          Start from current scenario
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          onClick={() => editor.getState().undo()}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={() => editor.getState().redo()}
        >
          Redo
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!runnable}
          aria-describedby={reason ? 'ed-run-reason' : undefined}
          onClick={() => void run('visualize')}
        >
          Run in visualizer
        </button>
        <button
          type="button"
          disabled={!runnable}
          aria-describedby={reason ? 'ed-run-reason' : undefined}
          onClick={() => void run('compare')}
        >
          Compare policies
        </button>
      </div>
      {reason ? (
        <p className="ed-run-reason" id="ed-run-reason" data-testid="ed-run-reason">
          {reason}
        </p>
      ) : storm ? (
        <p className="ed-run-reason storm" data-testid="ed-run-reason">
          Runs, but {storm.text.replace(/^This run will storm: /, 'will storm: ')}
        </p>
      ) : (
        <p className="ed-run-reason ok" data-testid="ed-run-reason">
          Ready to run.
        </p>
      )}
    </div>
  );
}
