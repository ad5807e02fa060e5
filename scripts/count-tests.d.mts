// Types for scripts/count-tests.mjs (plain JS so CI can run it with bare node).
export interface StateCounts {
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
  expectedFail: number;
}
export interface RunCounts {
  passed: number;
  failed: number;
}
export interface CountResult extends RunCounts {
  runs: RunCounts[];
}
export function parseStateString(text: string): StateCounts;
export function plainLines(text: string): string[];
export function countTests(text: string): CountResult;
export function formatCounts(counts: RunCounts): string;
