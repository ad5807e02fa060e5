import { createContext, useContext, useEffect } from 'react';

/**
 * Fields tell the workspace when they refuse what was typed (and when they no
 * longer do), so the top bar never says "Ready to run" next to a field in error.
 */
export type ReportRefused = (path: string, message: string | null) => void;

export const RefusedContext = createContext<ReportRefused>(() => {});

/** The reporter, and a clean-up so a removed field takes its error with it. */
export function useReportRefused(path: string): ReportRefused {
  const report = useContext(RefusedContext);
  useEffect(() => () => report(path, null), [report, path]);
  return report;
}
