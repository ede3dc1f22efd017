/**
 * Where the client keeps datasets, jobs, runs and anonymized files. Values are plain,
 * structured-clonable data (so an IndexedDB store can hold them as they are).
 */
export type Collection = 'datasets' | 'dataset_contents' | 'transform_jobs' | 'anonymization_runs' | 'files';

export interface Storage {
  get<T>(collection: Collection, id: string): Promise<T | undefined>;
  put<T>(collection: Collection, id: string, value: T): Promise<void>;
  delete(collection: Collection, id: string): Promise<boolean>;
  /** All values of a collection, in insertion order. */
  list<T>(collection: Collection): Promise<T[]>;
}
