/** ISO-8601 UTC without milliseconds, as the remote sends (`2023-11-07T05:31:56Z`). */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Whole seconds between two ISO times, rounded up so a finished job reads at least 1. */
export function durationSeconds(startIso: string, endIso: string): number {
  return Math.max(1, Math.ceil((Date.parse(endIso) - Date.parse(startIso)) / 1000));
}
