import type { Collection, Storage } from './storage.js';

/** The default store: plain maps, gone with the process. Hands out copies so callers cannot mutate it. */
export class MemoryStorage implements Storage {
  readonly #data = new Map<Collection, Map<string, unknown>>();

  #collection(name: Collection): Map<string, unknown> {
    let c = this.#data.get(name);
    if (!c) this.#data.set(name, (c = new Map()));
    return c;
  }

  async get<T>(collection: Collection, id: string): Promise<T | undefined> {
    const value = this.#collection(collection).get(id);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  async put<T>(collection: Collection, id: string, value: T): Promise<void> {
    this.#collection(collection).set(id, structuredClone(value));
  }

  async delete(collection: Collection, id: string): Promise<boolean> {
    return this.#collection(collection).delete(id);
  }

  async list<T>(collection: Collection): Promise<T[]> {
    return [...this.#collection(collection).values()].map((v) => structuredClone(v) as T);
  }
}
