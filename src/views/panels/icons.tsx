/**
 * Player icons as inline SVG: media glyphs in fonts (⏮ ⏭) render as emoji in
 * some browsers. Decorative only; the buttons carry aria-labels.
 */
const PATHS = {
  first: 'M5 4h2v16H5zM20 4v16L9 12z',
  back: 'M4 4h2v16H4zM20 4v16L8 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M18 4h2v16h-2zM4 4v16l12-8z',
  last: 'M17 4h2v16h-2zM4 4v16l11-8z',
  reset: 'M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
  undo: 'M9 4 3 10l6 6v-4h6a4 4 0 0 1 0 8h-3v2h3a6 6 0 0 0 0-12H9z',
  redo: 'M15 4l6 6-6 6v-4H9a4 4 0 0 0 0 8h3v2H9a6 6 0 0 1 0-12h6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
