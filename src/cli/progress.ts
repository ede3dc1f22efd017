import cliProgress from 'cli-progress';

/** Inputs shorter than this finish before a bar would be worth drawing. */
const MIN_SAMPLES_FOR_BAR = 200;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A bar on stderr (never stdout, which may carry output) for long inputs. */
export function startProgress(total: number | undefined, label: string): Progress {
  const stream = process.stderr;
  if (!stream.isTTY || (total !== undefined && total < MIN_SAMPLES_FOR_BAR)) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: total === undefined ? `${label} {value} samples | {duration_formatted}` : `${label} [{bar}] {percentage}% | {value}/{total} samples | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

/** Inputs smaller than this finish before a bar would be worth drawing. */
const MIN_BYTES_FOR_BAR = 1 << 20;

export interface ByteProgress {
  update(bytesRead: number, records: number): void;
  stop(): void;
}

/**
 * A bar over the input's bytes, for a file read as a stream (its record count is known only at
 * the end), showing the records done beside it.
 */
export function startByteProgress(totalBytes: number, label: string): ByteProgress {
  const stream = process.stderr;
  if (!stream.isTTY || totalBytes < MIN_BYTES_FOR_BAR) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% | {records} samples | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { records: 0 });
  return {
    update: (bytesRead, records) => bar.update(Math.min(bytesRead, totalBytes), { records }),
    stop: () => bar.stop(),
  };
}
