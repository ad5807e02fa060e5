import { useEffect, useState } from 'react';

export interface Viewport {
  /** Scroll offset from the top of the scrolled content (px). */
  top: number;
  /** Visible height (px). */
  height: number;
}

/** The vertical window of a scroller, updated at most once per animation frame. */
export function useViewport(el: HTMLElement | null): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 0 });
  useEffect(() => {
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight
          ? v
          : { top: el.scrollTop, height: el.clientHeight },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
    };
  }, [el]);
  return viewport;
}
