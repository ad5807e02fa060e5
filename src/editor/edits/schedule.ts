import type { HandlersFor } from './handlers';
import { insertByTime, removeAt, replaceAt, sortByTime } from './lists';

/** What happens when: costs, timed stimuli (kept in time order) and random traffic. */
export const SCHEDULE_EDITS: HandlersFor<
  | 'setCost'
  | 'addStimulus'
  | 'removeStimulus'
  | 'setStimulus'
  | 'addTraffic'
  | 'removeTraffic'
  | 'setTraffic'
> = {
  setCost: (draft, op) => ({ ...draft, costs: { ...draft.costs, [op.key]: op.ns } }),

  addStimulus: (draft, op) => ({ ...draft, stimuli: insertByTime(draft.stimuli, op.stimulus) }),
  removeStimulus(draft, op) {
    if (!draft.stimuli[op.stimulus]) return draft;
    return { ...draft, stimuli: removeAt(draft.stimuli, op.stimulus) };
  },
  setStimulus(draft, op) {
    const stimulus = draft.stimuli[op.stimulus];
    if (!stimulus) return draft;
    const stimuli = replaceAt(draft.stimuli, op.stimulus, { ...stimulus, ...op.patch });
    return { ...draft, stimuli: op.patch.at === undefined ? stimuli : sortByTime(stimuli) };
  },

  addTraffic: (draft, op) => ({
    ...draft,
    traffic: [
      ...draft.traffic,
      { device: op.device, meanIntervalNs: 50_000, count: 10, startNs: 0 },
    ],
  }),
  removeTraffic(draft, op) {
    if (!draft.traffic[op.traffic]) return draft;
    return { ...draft, traffic: removeAt(draft.traffic, op.traffic) };
  },
  setTraffic(draft, op) {
    const traffic = draft.traffic[op.traffic];
    if (!traffic) return draft;
    return { ...draft, traffic: replaceAt(draft.traffic, op.traffic, { ...traffic, ...op.patch }) };
  },
};
