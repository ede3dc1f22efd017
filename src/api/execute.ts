import { isAbort, reasonOf } from '../engine/errors.js';
import type { JobLifecycle } from './lifecycle.js';
import { isoNow } from './time.js';
import type { JobOutcome } from './job-runner.js';

/** How one family writes the stages of a job onto its own object shape. */
export interface JobWriter<T> {
  running(job: T, now: string): void;
  heartbeat(job: T, now: string, done: number, total: number): void;
  succeeded(job: T, outcome: JobOutcome, now: string): void | Promise<void>;
  failed(job: T, reason: string, now: string): void;
}

/** Heartbeats are written at most this often (each write wakes pollers). */
const HEARTBEAT_MS = 200;

/**
 * The shared lifecycle: PENDING → running word → SUCCEEDED | FAILED. A job ends FAILED when the
 * engine fails as a whole, when it is canceled (reason `canceled`), or when every sample failed;
 * per-sample failures otherwise stay on their samples.
 */
export async function executeJob<T extends { id: string; status: string }>(
  lifecycle: JobLifecycle<T>,
  id: string,
  writer: JobWriter<T>,
  signal: AbortSignal,
  run: (onProgress: (done: number, total: number) => void) => Promise<JobOutcome>,
  report: (done: number, total: number) => void,
): Promise<void> {
  let job = await lifecycle.getStored(id);
  if (signal.aborted) {
    writer.failed(job, 'canceled', isoNow());
    await lifecycle.save(job);
    return;
  }
  writer.running(job, isoNow());
  await lifecycle.save(job);
  let lastBeat = 0;
  try {
    const outcome = await run((done, total) => {
      report(done, total);
      const now = Date.now();
      if (now - lastBeat < HEARTBEAT_MS && done < total) return;
      lastBeat = now;
      writer.heartbeat(job, isoNow(), done, total);
      void lifecycle.save(job);
    });
    job = await lifecycle.getStored(id);
    const failedAll = outcome.samples_processed > 0 && outcome.sample_errors.length === outcome.samples_processed;
    await writer.succeeded(job, outcome, isoNow());
    if (failedAll) writer.failed(job, 'every sample failed (see the per-sample errors)', isoNow());
  } catch (error) {
    job = await lifecycle.getStored(id);
    writer.failed(job, isAbort(error) || signal.aborted ? 'canceled' : reasonOf(error), isoNow());
  }
  await lifecycle.save(job);
}
