import type { MouseEvent } from 'react';
import './panels.css';

/**
 * "Skip to the player": the page's first Tab stop, so the keyboard reaches
 * Play in two presses instead of some forty. Focuses the first enabled control
 * of the element with id `target`.
 */
export function SkipLink({ target = 'player' }: { target?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const box = document.getElementById(target);
    if (!box) return;
    e.preventDefault();
    const play = box.querySelector<HTMLElement>('button:not([disabled])') ?? box;
    play.focus();
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={onClick}>
      Skip to the player
    </a>
  );
}
