import { useCommand } from '../../commands';
import { selectPlaying, useAppStore } from '../../store';
import { Icon } from './icons';

/** Play/Pause: one command whose label and icon follow the playing state. */
export function PlayButton() {
  const { command, enabled, label, run } = useCommand('play-pause');
  const playing = useAppStore(selectPlaying);
  return (
    <button
      type="button"
      className="primary"
      aria-label={label}
      title={`${label} (${command.shortcut?.label ?? ''})`}
      disabled={!enabled}
      onClick={run}
    >
      <Icon name={playing ? 'pause' : 'play'} />
    </button>
  );
}
