import { useEffect, useState } from 'react';

/**
 * Seconds since `key` last changed (a checkpoint became current), ticking
 * once a second while `running`: hints unlock by time as well as by attempts.
 */
export function useSecondsOpen(key: string, running: boolean): number {
  const [elapsed, setElapsed] = useState({ key, seconds: 0 });
  useEffect(() => {
    if (!running) return;
    const start = Date.now();
    const timer = setInterval(
      () => setElapsed({ key, seconds: Math.floor((Date.now() - start) / 1000) }),
      1000,
    );
    return () => clearInterval(timer);
  }, [key, running]);
  return elapsed.key === key ? elapsed.seconds : 0;
}
