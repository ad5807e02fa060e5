import { useRef, useState, type ChangeEvent } from 'react';
import { LESSONS } from '../../lessons/builtin';
import type { Lesson } from '../../lessons/model';
import { checkpointProgress, lessonScore } from '../../lessons/progress';
import { useAppStore, useAppStoreApi } from '../../store';
import { formatError } from '../../trace-io/result';
import { parseLessonText } from '../../trace-io/lesson-parse';
import { downloadFile } from '../panels/download';
import { progressFile, readProgressFile } from './progress-file';
import { freshSeed } from './seed';
import './learn.css';

const NO_LESSONS: readonly Lesson[] = [];

/** The Learn workspace: every lesson with the student's progress, and progress in and out as a file. */
export function LearnWorkspace() {
  const store = useAppStoreApi();
  const progress = useAppStore((s) => s.lessonProgress);
  const opened = useAppStore((s) => s.openedLessons) ?? NO_LESSONS;
  const active = useAppStore((s) => s.activeLesson);
  const problem = useAppStore((s) => s.lessonProblem);
  const [message, setMessage] = useState<string | null>(null);
  const progressInput = useRef<HTMLInputElement>(null);
  const lessonInput = useRef<HTMLInputElement>(null);
  const lessons = [...LESSONS, ...opened.filter((o) => !LESSONS.some((l) => l.id === o.id))];

  const importProgress = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const read = readProgressFile(await file.text(), file.name);
    if (!read.ok) return setMessage(read.message);
    store.getState().replaceLessonProgress(read.progress);
    setMessage(`Progress imported from ${file.name}.`);
  };
  const openLesson = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const parsed = parseLessonText(await file.text(), file.name);
    if (!parsed.ok) {
      return setMessage(
        parsed.errors
          .slice(0, 5)
          .map((er) => formatError(file.name, er))
          .join('\n'),
      );
    }
    store.getState().addOpenedLesson(parsed.value);
    setMessage(`Lesson "${parsed.value.title}" opened from ${file.name}.`);
  };

  return (
    <div className="learn-root">
      <p className="learn-intro">
        Each lesson sets up a machine, tells you what to watch and asks you to predict what the
        engine will do before you step through it. Every answer is computed by running the engine; a
        seed draws the numbers of each attempt, so two students get different machines.
      </p>
      {problem ? <p className="learn-message">{problem}</p> : null}
      {message ? (
        <p className="learn-message" role="status">
          {message}
        </p>
      ) : null}
      <ol className="learn-list" aria-label="Lessons">
        {lessons.map((lesson) => {
          const score = lessonScore(progress, lesson);
          const record = progress.lessons[lesson.id];
          const started = score.solved + score.revealed > 0;
          const isActive = active?.lesson.id === lesson.id;
          return (
            <li key={lesson.id} className="learn-card" data-testid={`lesson-${lesson.id}`}>
              <h2>{lesson.title}</h2>
              <p className="learn-summary">{lesson.summary}</p>
              <p className="learn-progress" aria-label={`Progress of ${lesson.title}`}>
                <progress max={score.maximum} value={score.solved + score.revealed} />
                <span>
                  {score.solved} of {score.maximum} solved
                  {score.revealed ? `, ${score.revealed} revealed` : ''}
                  {score.done ? ' · complete' : ''}
                  {record ? ` · seed ${record.seed}` : ''}
                </span>
              </p>
              <ol className="learn-steps" aria-label={`Steps of ${lesson.title}`}>
                {lesson.steps.map((step, index) => {
                  const closed = step.checkpoints.filter(
                    (cp) => checkpointProgress(progress, lesson.id, step.id, cp.id).status !== null,
                  ).length;
                  return (
                    <li key={step.id}>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Open step ${index + 1} of ${lesson.title}: ${step.title}`}
                        onClick={() =>
                          void store.getState().startLesson(lesson, {
                            seed: record?.seed ?? freshSeed(),
                            stepIndex: index,
                          })
                        }
                      >
                        {step.title}
                      </button>{' '}
                      <span className="muted">
                        {closed}/{step.checkpoints.length}
                      </span>
                    </li>
                  );
                })}
              </ol>
              <div className="button-row">
                <button
                  type="button"
                  className="primary"
                  aria-label={`${isActive || started ? 'Continue' : 'Start'} ${lesson.title}`}
                  onClick={() => {
                    if (isActive) store.getState().setWorkspace('visualize');
                    else
                      void store.getState().startLesson(lesson, {
                        seed: record?.seed ?? freshSeed(),
                        stepIndex: Math.min(record?.step ?? 0, lesson.steps.length - 1),
                      });
                  }}
                >
                  {isActive || started ? 'Continue' : 'Start'}
                </button>
                <button
                  type="button"
                  disabled={!started}
                  aria-label={`Reset progress of ${lesson.title}`}
                  onClick={() => store.getState().resetLesson(lesson.id)}
                >
                  Reset
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row learn-files">
        <button
          type="button"
          onClick={() => downloadFile(progressFile(store.getState().lessonProgress))}
        >
          Export progress
        </button>
        <button type="button" onClick={() => progressInput.current?.click()}>
          Import progress…
        </button>
        <button type="button" onClick={() => lessonInput.current?.click()}>
          Open a lesson file…
        </button>
        <input
          ref={progressInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Progress file"
          onChange={(e) => void importProgress(e)}
        />
        <input
          ref={lessonInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Lesson file"
          onChange={(e) => void openLesson(e)}
        />
      </div>
    </div>
  );
}
