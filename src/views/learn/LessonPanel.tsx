import { useEffect, useRef } from 'react';
import { lessonScore } from '../../lessons/progress';
import { selectFrameCursor, useAppStore, useAppStoreApi } from '../../store';
import { CheckpointCard } from './CheckpointCard';
import { ShareLessonButton } from './ShareLessonButton';
import { freshSeed } from './seed';
import { useLessonObserver } from './useLessonObserver';
import './learn.css';

/** The lesson beside the graph: the step's text and its checkpoints, the seed, step navigation. */
export function LessonPanel() {
  useLessonObserver();
  const store = useAppStoreApi();
  const active = useAppStore((s) => s.activeLesson);
  const progress = useAppStore((s) => s.lessonProgress);
  const limit = useAppStore((s) => s.cursorLimit);
  const offStep = useAppStore((s) => s.lessonOffStep);
  const shown = useAppStore(selectFrameCursor);
  const panel = useRef<HTMLElement>(null);
  // Another step (or lesson, or variant) starts at its title: the panel's scroll from the
  // step before would open it on the tail of its text.
  const stepKey = active ? `${active.lesson.id}/${active.prepared.seed}/${active.stepIndex}` : '';
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [stepKey]);
  // When the player reaches the stop, the question that stopped it comes into view.
  useEffect(() => {
    if (limit === null || shown < limit) return;
    const card = panel.current?.querySelector(`[data-stop="${limit}"][data-status="open"]`);
    card?.scrollIntoView?.({ block: 'nearest' });
  }, [limit, shown]);
  if (!active) return null;
  const { lesson, prepared, stepIndex } = active;
  const step = prepared.steps[stepIndex]!;
  const score = lessonScore(progress, lesson);
  const last = stepIndex === prepared.steps.length - 1;
  return (
    // Focusable by script only: where focus lands when a lesson starts (useFocusLanding).
    <section ref={panel} className="panel learn-panel" aria-label="Lesson" tabIndex={-1}>
      <div className="learn-panel-head">
        <h2>
          Lesson · step {stepIndex + 1} of {prepared.steps.length}
        </h2>
        <span className="learn-score" aria-label="Lesson score">
          {score.solved} solved · {score.revealed} revealed · {score.maximum} in all
        </span>
      </div>
      <p className="learn-lesson-title">{lesson.title}</p>
      <h3 className="learn-step-title">{step.step.title}</h3>
      <div className="learn-variant">
        <span data-testid="lesson-seed">
          Seed <strong>{prepared.seed}</strong>
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => void store.getState().newLessonVariant(freshSeed())}
          title="Draw other numbers: the answers are recomputed by the engine"
        >
          New variant
        </button>
      </div>
      {step.step.text.split(/\n\s*\n/).map((para, i) => (
        <p key={i} className="learn-text">
          {para}
        </p>
      ))}
      {step.step.cites.length ? (
        <p className="learn-cites muted">Teaches from: {step.step.cites.join('; ')}</p>
      ) : null}
      {offStep ? (
        <p className="learn-gate" role="note">
          The run on screen is not this step&apos;s machine: predictions and steps to reach concern
          the step&apos;s own.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void store.getState().goToLessonStep(stepIndex)}
          >
            Back to the step&apos;s machine
          </button>
        </p>
      ) : null}
      {limit !== null ? (
        <p className="learn-gate" role="note">
          The player stops at step {limit} until the question there is answered.
        </p>
      ) : null}
      <ol className="learn-cps">
        {step.checkpoints.map((cp) => (
          <CheckpointCard
            key={`${prepared.seed}/${step.step.id}/${cp.checkpoint.id}`}
            prepared={cp}
            lessonId={lesson.id}
            stepId={step.step.id}
            seed={prepared.seed}
          />
        ))}
      </ol>
      <div className="button-row learn-nav">
        <button
          type="button"
          disabled={stepIndex === 0}
          onClick={() => void store.getState().goToLessonStep(stepIndex - 1)}
        >
          Previous step
        </button>
        {last ? (
          <button
            type="button"
            className="primary"
            onClick={() => store.getState().setWorkspace('learn')}
          >
            All lessons
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void store.getState().goToLessonStep(stepIndex + 1)}
          >
            Next step
          </button>
        )}
        <button type="button" onClick={() => void store.getState().resetLessonStep()}>
          Reset step
        </button>
        <button type="button" onClick={() => store.getState().leaveLesson()}>
          Leave lesson
        </button>
      </div>
      <ShareLessonButton lesson={lesson} seed={prepared.seed} step={stepIndex} />
    </section>
  );
}
