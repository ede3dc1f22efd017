import type { Collection, Storage } from './storage.js';

const COLLECTIONS: readonly Collection[] = ['datasets', 'dataset_contents', 'transform_jobs', 'anonymization_runs', 'files'];

interface Row {
  seq: number;
  value: unknown;
}

/**
 * Browser storage that survives a reload: one IndexedDB database, one object store per
 * collection. Encryption keys and pseudonym maps are never written here unless the caller asked
 * for the map to be returned on the job (it is then part of the job object).
 */
export class IndexedDBStorage implements Storage {
  readonly #db: Promise<IDBDatabase>;
  #seq = Date.now() * 1000;

  constructor(name = 'pii-local') {
    this.#db = new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available in this environment'));
        return;
      }
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        for (const c of COLLECTIONS) if (!request.result.objectStoreNames.contains(c)) request.result.createObjectStore(c);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`IndexedDB open failed (${request.error?.name ?? 'unknown'})`));
    });
  }

  async #tx<T>(collection: Collection, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.#db;
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(collection, mode);
      const request = run(tx.objectStore(collection));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(new Error(`IndexedDB ${mode} failed (${tx.error?.name ?? 'unknown'})`));
      tx.onabort = () => reject(new Error(`IndexedDB ${mode} aborted (${tx.error?.name ?? 'unknown'})`));
    });
  }

  async get<T>(collection: Collection, id: string): Promise<T | undefined> {
    const row = await this.#tx<Row | undefined>(collection, 'readonly', (s) => s.get(id));
    return row?.value as T | undefined;
  }

  async put<T>(collection: Collection, id: string, value: T): Promise<void> {
    const existing = await this.#tx<Row | undefined>(collection, 'readonly', (s) => s.get(id));
    const row: Row = { seq: existing?.seq ?? this.#seq++, value };
    await this.#tx(collection, 'readwrite', (s) => s.put(row, id));
  }

  async delete(collection: Collection, id: string): Promise<boolean> {
    const existing = await this.get(collection, id);
    if (existing === undefined) return false;
    await this.#tx(collection, 'readwrite', (s) => s.delete(id));
    return true;
  }

  async list<T>(collection: Collection): Promise<T[]> {
    const rows = await this.#tx<Row[]>(collection, 'readonly', (s) => s.getAll());
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.value as T);
  }
}
