import { readFileSync } from 'node:fs';

/**
 * The share of the machine's CPU time the hypervisor gave to others while a
 * benchmark ran ("steal" in /proc/stat): on a shared virtual machine the same
 * code measures slower when it is high, so the reports print it beside the
 * figures. Null where /proc/stat cannot be read (not Linux).
 */
export interface StealMeter {
  /** Percent of all CPU time since the meter started that was stolen, to one decimal. */
  read(): number | null;
}

/** The all-CPU line of /proc/stat's text: its steal and total jiffies (guest time is in user). */
export function cpuTimesOf(stat: string): { steal: number; total: number } | null {
  const line = stat.split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal guest guest_nice
  const [label, ...fields] = line.trim().split(/\s+/);
  if (label !== 'cpu' || fields.length < 8) return null;
  const n = fields.slice(0, 8).map(Number);
  if (n.some((x) => !Number.isFinite(x))) return null;
  return { steal: n[7]!, total: n.reduce((a, b) => a + b, 0) };
}

function cpuTimes(): { steal: number; total: number } | null {
  try {
    return cpuTimesOf(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

export function startStealMeter(): StealMeter {
  const start = cpuTimes();
  return {
    read() {
      const now = cpuTimes();
      if (start === null || now === null || now.total === start.total) return null;
      return Math.round((1000 * (now.steal - start.steal)) / (now.total - start.total)) / 10;
    },
  };
}
