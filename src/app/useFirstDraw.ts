import { useEffect, useState } from 'react';
import { selectMachine, useAppStore } from '../store';

/** The stage from which every part of the page is drawn: the first draw is over. */
export const DRAWN = 3;

/**
 * How far the first draw of the machine on screen has gone: 0 in the commit
 * that puts another machine on screen (a preset, an opened trace), then one
 * more after each frame painted since, up to DRAWN; DRAWN from the first
 * render of the page and while the machine stays the same (a step, a hand
 * action, a policy switch).
 *
 * A new machine replaces the whole graph. Removing the old one, drawing the
 * new one and the side panels in one commit made one main-thread task, then
 * one style and layout pass, each too long for a frame (about 40 ms each on
 * two shared cores, over 90 ms under load, for a 100 MB trace). Staged, each
 * part has a task and a frame of its own: stage 0 removes the old graph and
 * panels and shows the status line and the player; stage 1 draws the graph's
 * nodes (React Flow measures them in the frame after); stage 2 its edges (drawn
 * with the nodes, React Flow's measuring and the edges made one 50 to 70 ms
 * frame); stage DRAWN the side panels. Each part keeps its place meanwhile, so nothing
 * moves; once DRAWN, the page is what one commit would have drawn (a
 * function of the trace and the cursor).
 */
export function useDrawStage(): number {
  const machine = useAppStore(selectMachine);
  const [drawn, setDrawn] = useState({ machine, stage: DRAWN });
  const stage = drawn.machine === machine ? drawn.stage : 0;
  useEffect(() => {
    if (stage >= DRAWN) return;
    // The animation frame runs before that frame's paint; the task it posts runs after it.
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setDrawn({ machine, stage: stage + 1 }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [machine, stage]);
  return stage;
}
