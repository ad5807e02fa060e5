import { type ChangeEvent } from 'react';
import { SPEEDS, selectSpeed, useAppStore, useAppStoreApi } from '../../store';
import { formatSpeed } from './format';

/** Playback speed, 0.25x to 8x of the base rate (8 events per second). */
export function SpeedSelect() {
  const speed = useAppStore(selectSpeed);
  const store = useAppStoreApi();
  const onChange = (e: ChangeEvent<HTMLSelectElement>) =>
    store.getState().setSpeed(Number(e.target.value));
  return (
    <label className="field">
      <span>Speed</span>
      <select aria-label="Speed" value={speed} onChange={onChange}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
