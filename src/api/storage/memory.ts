import type { Collection, Storage } from './storage.js';

/**
 * Written once and never changed by the library (dataset contents, anonymized files): kept and
 * handed out as they are, since copying a big dataset on every read costs its size again in memory.
 */
const WRITE_ONCE: ReadonlySet<Collection> = new Set(['dataset_contents', 'files']);

/**
 * The default store: plain maps, gone with the process. Hands out copies of jobs and datasets so
 * callers cannot mutate it; write-once contents are shared.
 */
export class MemoryStorage implements Storage {
  readonly #data = new Map<Collection, Map<string, unknown>>();

  #collection(name: Collection): Map<string, unknown> {
    let c = this.#data.get(name);
    if (!c) this.#data.set(name, (c = new Map()));
    return c;
  }

  async get<T>(collection: Collection, id: string): Promise<T | undefined> {
    const value = this.#collection(collection).get(id);
    if (value === undefined) return undefined;
    return (WRITE_ONCE.has(collection) ? value : structuredClone(value)) as T;
  }

  async put<T>(collection: Collection, id: string, value: T): Promise<void> {
    this.#collection(collection).set(id, WRITE_ONCE.has(collection) ? value : structuredClone(value));
  }

  async delete(collection: Collection, id: string): Promise<boolean> {
    return this.#collection(collection).delete(id);
  }

  async list<T>(collection: Collection): Promise<T[]> {
    return [...this.#collection(collection).values()].map((v) => (WRITE_ONCE.has(collection) ? v : structuredClone(v)) as T);
  }
}
