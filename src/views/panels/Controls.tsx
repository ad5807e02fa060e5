import { BreakpointMenu } from './BreakpointMenu';
import { CommandButton } from './CommandButton';
import { GranularityToggle } from './GranularityToggle';
import { PlayButton } from './PlayButton';
import { SpeedSelect } from './SpeedSelect';
import './panels.css';

/** The player: first, back, play/pause, forward, last, reset, undo/redo, speed and step size. */
export function Controls() {
  return (
    <div className="controls" role="group" aria-label="Playback">
      <div className="button-row">
        <CommandButton id="first" icon="first" />
        <CommandButton id="back" icon="back" />
        <PlayButton />
        <CommandButton id="forward" icon="forward" />
        <CommandButton id="last" icon="last" />
        <CommandButton id="reset" icon="reset" />
        <CommandButton id="undo" icon="undo" />
        <CommandButton id="redo" icon="redo" />
      </div>
      <SpeedSelect />
      <BreakpointMenu />
      <GranularityToggle />
    </div>
  );
}
