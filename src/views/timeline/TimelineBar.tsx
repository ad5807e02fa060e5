interface Props {
  readout: string;
  following: boolean;
  onFollow(): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  /** Whether the window can be zoomed further in and out: at a limit its button says so. */
  room: { in: boolean; out: boolean };
  onExpandAll(): void;
  onCollapseAll(): void;
  /** Id of the usage hint, which the lanes area refers to. */
  hintId: string;
}

/** The timeline's title, zoom buttons, group buttons and the hover readout. */
export function TimelineBar(props: Props) {
  return (
    <div className="tl-bar">
      <h2>Timeline</h2>
      <div className="button-row" role="group" aria-label="Timeline zoom">
        {/* aria-disabled, not disabled, at a limit: a disabled button would drop its focus. */}
        <button
          type="button"
          onClick={props.onZoomIn}
          aria-disabled={!props.room.in || undefined}
          title={
            props.room.in ? 'Zoom in (+ when the lanes have focus)' : 'Zoomed in as far as it goes'
          }
        >
          Zoom in
        </button>
        <button
          type="button"
          onClick={props.onZoomOut}
          aria-disabled={!props.room.out || undefined}
          title={props.room.out ? 'Zoom out (−)' : 'The whole run is shown'}
        >
          Zoom out
        </button>
        <button type="button" onClick={props.onFit} title="Show the whole run (0)">
          Whole run
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={props.following}
          onClick={props.onFollow}
          title="Pan to keep the cursor in view while stepping and playing"
        >
          Follow cursor
        </button>
      </div>
      <div className="button-row" role="group" aria-label="Timeline groups">
        <button type="button" onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" onClick={props.onCollapseAll}>
          Collapse all
        </button>
      </div>
      <output className="tl-readout" data-testid="timeline-readout" aria-live="off">
        {props.readout}
      </output>
      <p id={props.hintId} className="tl-hint">
        Click: move the cursor · drag: pan · Ctrl + wheel: zoom · Shift + wheel: pan · focused: ←/→
        pan, +/− zoom, 0 whole run
      </p>
    </div>
  );
}
