/** Public API of the lesson layer: the model, preparing an attempt, checking answers, grading. */
export * from './model';
export { LESSONS, findLesson } from './builtin';
export {
  checkAct,
  checkPrediction,
  prepareLesson,
  prepareStep,
  reached,
  sameFigure,
  type PredictVerdict,
  type PreparedAct,
  type PreparedCheckpoint,
  type PreparedLesson,
  type PreparedMisconception,
  type PreparedPredict,
  type PreparedReach,
  type PreparedStep,
} from './prepare';
export { grade, solution, type CheckpointScore, type Score } from './grade';
export { drawParams, type ParamValues } from './params';
export { LessonError } from './lesson-error';
export * from './progress';
export { unlockedHints, nextHintIn } from './hints';
export { withUnit } from './units';
