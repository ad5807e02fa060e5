import { useId, useRef, useState, type FormEvent } from 'react';
import type { PreparedCheckpoint } from '../../lessons/prepare';
import { checkpointProgress } from '../../lessons/progress';
import { nextHintIn, unlockedHints } from '../../lessons/hints';
import { feedbackKey, useAppStore, useAppStoreApi } from '../../store';
import { useSecondsOpen } from './useSecondsOpen';

const KIND_LABEL = { predict: 'Predict', act: 'Do it', reach: 'Step to it' } as const;

/** One checkpoint: the question or task, the student's answer, feedback, hints and Reveal. */
export function CheckpointCard({
  prepared,
  lessonId,
  stepId,
  seed,
}: {
  prepared: PreparedCheckpoint;
  lessonId: string;
  stepId: string;
  seed: number;
}) {
  const store = useAppStoreApi();
  const cp = prepared.checkpoint;
  const progress = useAppStore((s) =>
    checkpointProgress(s.lessonProgress, lessonId, stepId, cp.id),
  );
  const feedback = useAppStore((s) => s.lessonFeedback[feedbackKey(stepId, cp.id)] ?? null);
  const open = progress.status === null;
  const seconds = useSecondsOpen(
    `${lessonId}/${seed}/${stepId}/${cp.id}`,
    open && cp.hints.length > 0,
  );
  const hints = unlockedHints(cp.hints, progress.attempts, seconds);
  const nextHint = open ? nextHintIn(cp.hints, progress.attempts, seconds) : null;
  const [value, setValue] = useState('');
  // What is wrong with the text typed (nothing to check yet): said, and no attempt counted.
  const [problem, setProblem] = useState<string | null>(null);
  const feedbackRef = useRef<HTMLParagraphElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();
  const feedbackId = useId();

  const submit = (answer: number) => {
    setProblem(null);
    store.getState().answerCheckpoint(cp.id, answer);
    const stillOpen =
      checkpointProgress(store.getState().lessonProgress, lessonId, stepId, cp.id).status === null;
    // Wrong, the field keeps focus with its text selected, to try again at once (the verdict
    // is a status, read out anyway); right, the field is gone and focus lands on the verdict,
    // from where the arrows step the player again. Only if focus is still where the answer
    // was given (or fell to the page when the field went): one who has already moved on
    // (Tab to the next question before the next frame) keeps the focus they chose.
    const from = document.activeElement;
    requestAnimationFrame(() => {
      const now = document.activeElement;
      if (now !== from && now !== null && now !== document.body) return;
      const field = stillOpen ? inputRef.current : null;
      if (field) field.select();
      (field ?? feedbackRef.current)?.focus();
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = value.trim();
    const number = Number(text.replace(',', '.'));
    if (text === '') setProblem('Type your answer as a number first.');
    else if (!Number.isFinite(number))
      setProblem(`“${text}” is not a number: type digits, as in 3.`);
    else submit(number);
  };

  const statusText =
    progress.status === 'solved'
      ? 'Solved'
      : progress.status === 'revealed'
        ? 'Revealed'
        : progress.attempts > 0
          ? `${progress.attempts} wrong attempt${progress.attempts === 1 ? '' : 's'}`
          : 'Open';

  return (
    <li
      className={`learn-cp ${progress.status ?? 'open'}`}
      aria-labelledby={titleId}
      data-testid={`checkpoint-${cp.id}`}
      data-status={progress.status ?? 'open'}
      data-stop={'stop' in prepared ? prepared.stop : undefined}
    >
      <div className="learn-cp-head">
        <span className="learn-kind">{KIND_LABEL[cp.kind]}</span>
        <span className="learn-cp-status">{statusText}</span>
      </div>
      <p id={titleId} className="learn-question">
        {cp.kind === 'predict' ? cp.question : cp.kind === 'act' ? cp.task : cp.goal}
      </p>
      {cp.kind === 'predict' && open ? (
        cp.choices ? (
          <div className="button-row learn-choices" role="group" aria-label="Choices">
            {cp.choices.map((choice) => (
              <button key={choice.value} type="button" onClick={() => submit(choice.value)}>
                {choice.label}
              </button>
            ))}
          </div>
        ) : (
          <form className="learn-answer" onSubmit={onSubmit}>
            <label htmlFor={inputId}>Your answer{cp.unit ? ` (${cp.unit})` : ''}</label>
            <input
              ref={inputRef}
              id={inputId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={value}
              aria-invalid={problem !== null || undefined}
              aria-describedby={feedbackId}
              onChange={(e) => {
                setValue(e.target.value);
                setProblem(null);
              }}
            />
            <button type="submit" className="primary">
              Check
            </button>
          </form>
        )
      ) : null}
      {cp.kind === 'reach' && open ? (
        <p className="learn-hint-line muted">
          Step with Forward or the Right arrow; the lesson notices.
        </p>
      ) : null}
      <p
        ref={feedbackRef}
        id={feedbackId}
        tabIndex={-1}
        className={`learn-feedback ${problem !== null ? 'wrong' : (feedback?.status ?? '')}`}
        role="status"
        data-testid={`feedback-${cp.id}`}
      >
        {problem ?? feedback?.message ?? ''}
      </p>
      {hints.length > 0 ? (
        <ul className="learn-hints" aria-label="Hints">
          {hints.map((h, i) => (
            <li key={i}>
              <strong>Hint {i + 1}:</strong> {h.text}
            </li>
          ))}
        </ul>
      ) : null}
      {open && nextHint !== null ? (
        <p className="learn-hint-line muted">
          {hints.length ? 'Another hint' : 'A hint'} unlocks in {nextHint} s or after a wrong
          answer.
        </p>
      ) : null}
      {open ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              store.getState().revealCheckpoint(cp.id);
              requestAnimationFrame(() => feedbackRef.current?.focus());
            }}
          >
            Reveal
          </button>
        </div>
      ) : null}
    </li>
  );
}
