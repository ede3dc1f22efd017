import { quoteValue } from '../quote.js';
import { APIUserAbortError, NotFoundError } from './errors.js';
import type { Collection, Storage } from './storage/storage.js';
import type { PollOptions } from './types.js';

/** The states both families share; the running word differs (`RUNNING` / `PROCESSING`). */
export type TerminalStatus = 'SUCCEEDED' | 'FAILED';

interface Tracked {
  controller: AbortController;
  datasetId: string;
  progress: { done: number; total: number };
}

/**
 * Queue, cancel and wait for the jobs of one resource. Jobs run one at a time (the engine is one
 * model on one thread); each change to a stored job wakes its waiters, so `poll` never sleeps on a
 * timer.
 */
export class JobLifecycle<T extends { id: string; status: string }> {
  readonly #active = new Map<string, Tracked>();
  readonly #waiters = new Map<string, Set<() => void>>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Storage,
    private readonly collection: Collection,
    private readonly what: string,
    /**
     * The stored object as callers see it (runs keep `entities_found` packed and build the list
     * here). Gets a copy the storage handed out, which it may change.
     */
    private readonly present: (stored: T) => T = (stored) => stored,
  ) {}

  /** Queue `work` for a stored PENDING job. `work` gets the cancel signal and a progress reporter. */
  enqueue(
    id: string,
    datasetId: string,
    work: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<void>,
  ): void {
    const tracked: Tracked = { controller: new AbortController(), datasetId, progress: { done: 0, total: 0 } };
    this.#active.set(id, tracked);
    this.#queue = this.#queue.then(async () => {
      try {
        await work(tracked.controller.signal, (done, total) => {
          tracked.progress = { done, total };
        });
      } finally {
        this.#active.delete(id);
        this.notify(id);
      }
    });
  }

  isActive(id: string): boolean {
    return this.#active.has(id);
  }

  /** True while a queued or running job reads this dataset. */
  usesDataset(datasetId: string): boolean {
    return [...this.#active.values()].some((t) => t.datasetId === datasetId);
  }

  progressOf(id: string): { done: number; total: number } | undefined {
    return this.#active.get(id)?.progress;
  }

  /** Asks a queued or running job to stop; the worker then writes it FAILED with reason `canceled`. */
  cancel(id: string): boolean {
    const tracked = this.#active.get(id);
    if (!tracked) return false;
    tracked.controller.abort();
    return true;
  }

  /** The object as callers see it. */
  async get(id: string): Promise<T> {
    return this.present(await this.getStored(id));
  }

  /** The object as stored: what the job's writer changes and saves back. */
  async getStored(id: string): Promise<T> {
    const value = await this.storage.get<T>(this.collection, id);
    if (!value) throw new NotFoundError(`${this.what} ${quoteValue(String(id))} not found`, 'id');
    return value;
  }

  async save(value: T): Promise<void> {
    await this.storage.put(this.collection, value.id, value);
    this.notify(value.id);
  }

  notify(id: string): void {
    for (const wake of this.#waiters.get(id) ?? []) wake();
  }

  /**
   * Resolves with the object once it is SUCCEEDED or FAILED, or with the current object when
   * `timeout` passes (no throw, like Cognite's `wait(timeout)`). `signal` aborts only the wait.
   */
  async poll(id: string, options: PollOptions = {}): Promise<T> {
    const { signal, timeout, onProgress } = options;
    const interval = options.pollIntervalMs ?? 250;
    if (signal?.aborted) throw new APIUserAbortError();
    // Read as stored while waiting; only the object handed back is presented.
    let current = await this.getStored(id);
    const deadline = timeout === undefined ? Infinity : Date.now() + timeout;
    let lastProgressAt = 0;
    while (!isTerminal(current.status)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return this.present(current);
      await this.#nextChange(id, Math.min(remaining, Math.max(interval, 10)), signal);
      current = await this.getStored(id);
      const p = this.progressOf(id);
      if (onProgress && p && Date.now() - lastProgressAt >= interval) {
        lastProgressAt = Date.now();
        onProgress({ ...p, status: current.status });
      }
    }
    return this.present(current);
  }

  #nextChange(id: string, maxWait: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let set = this.#waiters.get(id);
      if (!set) this.#waiters.set(id, (set = new Set()));
      const cleanup = () => {
        clearTimeout(timer);
        set!.delete(done);
        signal?.removeEventListener('abort', onAbort);
      };
      const done = () => {
        cleanup();
        resolve();
      };
      const onAbort = () => {
        cleanup();
        reject(new APIUserAbortError());
      };
      const timer = setTimeout(done, maxWait);
      set.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

export function isTerminal(status: string): status is TerminalStatus {
  return status === 'SUCCEEDED' || status === 'FAILED';
}
