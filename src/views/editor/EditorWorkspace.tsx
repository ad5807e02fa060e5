import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { validateDraft } from '../../editor';
import { AnnounceContext } from './announcer';
import { CostsSection } from './CostsSection';
import { DevicesSection } from './DevicesSection';
import { EditorToolbar } from './EditorToolbar';
import { EntitiesSection } from './EntitiesSection';
import { selectDraft, useEditor, useEditorStoreApi } from './editor-store';
import { LinesSection } from './LinesSection';
import { groupByPath, MessagesContext } from './messages-context';
import { ProblemsList } from './ProblemsList';
import { RefusedContext } from './refused-context';
import { SettingsSection } from './SettingsSection';
import { StimuliSection } from './StimuliSection';
import { TrafficSection } from './TrafficSection';
import './editor.css';

/** Undo/redo keys, unless a field holds typing not yet committed (then the field's own undo). */
function historyKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const target = e.target as HTMLElement;
  if (target.dataset?.dirty === 'true') return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** The "Editor" workspace: build a scenario by hand, checked as you go. */
export function EditorWorkspace() {
  const editor = useEditorStoreApi();
  const draft = useEditor(selectDraft);
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const byPath = useMemo(() => groupByPath(validation.messages), [validation]);
  const [spoken, setSpoken] = useState('');
  const announce = useCallback((text: string) => setSpoken(text), []);
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  const reportRefused = useCallback((path: string, message: string | null) => {
    setRefused((now) => {
      if ((now[path] ?? null) === message) return now;
      const next = { ...now };
      if (message === null) delete next[path];
      else next[path] = message;
      return next;
    });
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const action = historyKey(e);
    if (!action) return;
    e.preventDefault();
    if (action === 'undo') editor.getState().undo();
    else editor.getState().redo();
    setSpoken(action === 'undo' ? 'Undone.' : 'Redone.');
  };

  return (
    <RefusedContext.Provider value={reportRefused}>
      <AnnounceContext.Provider value={announce}>
        <MessagesContext.Provider value={byPath}>
          <div className="ed-root" onKeyDown={onKeyDown} data-testid="editor">
            <EditorToolbar validation={validation} refused={refused} />
            <ProblemsList validation={validation} />
            <div className="ed-columns">
              <div className="ed-column">
                <SettingsSection />
                <LinesSection />
                <DevicesSection />
                <CostsSection />
              </div>
              <div className="ed-column">
                <EntitiesSection />
                <StimuliSection />
                <TrafficSection />
              </div>
            </div>
            <div className="ed-live" aria-live="polite" data-testid="ed-live">
              {spoken}
            </div>
          </div>
        </MessagesContext.Provider>
      </AnnounceContext.Provider>
    </RefusedContext.Provider>
  );
}
