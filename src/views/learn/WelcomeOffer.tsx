import { LESSONS } from '../../lessons/builtin';
import { useAppStore, useAppStoreApi } from '../../store';
import { freshSeed } from './seed';

/** The first-visit offer: start lesson 1, or dismiss (remembered with the progress). */
export function WelcomeOffer() {
  const store = useAppStoreApi();
  const dismissed = useAppStore((s) => s.lessonProgress.welcomeDismissed);
  const active = useAppStore((s) => s.activeLesson !== null);
  const first = LESSONS[0];
  if (dismissed || active || !first) return null;
  return (
    <div className="learn-welcome" role="region" aria-label="Welcome">
      <span>
        <strong>New here?</strong> Start with lesson 1: {first.title.replace(/^\d+\.\s*/, '')}.
      </span>
      <span className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => void store.getState().startLesson(first, { seed: freshSeed() })}
        >
          Start lesson 1
        </button>
        <button type="button" onClick={() => store.getState().setWorkspace('learn')}>
          All lessons
        </button>
        <button
          type="button"
          aria-label="Dismiss the welcome"
          onClick={() => store.getState().dismissWelcome()}
        >
          Dismiss
        </button>
      </span>
    </div>
  );
}
