import type { EntityFound } from './types.js';

/**
 * A run's `entities_found` as stored: one typed array per field and one table per distinct label
 * and field name, about 28 bytes an entity where a list of objects costs ~100 (a 100 MB CSV finds
 * ~700k). Plain structured-clonable data, so any `Storage` (IndexedDB) keeps it as it is; the wire
 * objects are built from it only when a caller reads `results.entities_found`.
 */
export interface PackedEntities {
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  score: Float64Array;
  /** `NO_SAMPLE` where the entity has no `sample_index`. */
  sample_index: Uint32Array;
  /** Index into `labels`. */
  label: Uint32Array;
  /** Index into `fields`; -1 where the entity has no `field`. */
  field: Int32Array;
  labels: string[];
  fields: string[];
}

const NO_SAMPLE = 0xffff_ffff;

/** Collects entities in sample order into growing typed arrays. */
export class EntityTable {
  #count = 0;
  #start = new Uint32Array(1024);
  #end = new Uint32Array(1024);
  #score = new Float64Array(1024);
  #sample = new Uint32Array(1024);
  #label = new Uint32Array(1024);
  #field = new Int32Array(1024);
  readonly #labels = new Map<string, number>();
  readonly #fields = new Map<string, number>();

  get count(): number {
    return this.#count;
  }

  push(e: EntityFound): void {
    if (this.#count === this.#start.length) this.#grow();
    const i = this.#count++;
    this.#start[i] = checkedIndex(e.start, 'start');
    this.#end[i] = checkedIndex(e.end, 'end');
    this.#score[i] = e.score;
    this.#sample[i] = e.sample_index === undefined ? NO_SAMPLE : checkedIndex(e.sample_index, 'sample_index');
    this.#label[i] = intern(this.#labels, e.label);
    this.#field[i] = e.field === undefined ? -1 : intern(this.#fields, e.field);
  }

  /** The table, trimmed to its entities (copies: the builder's spare capacity is not kept). */
  pack(): PackedEntities {
    const n = this.#count;
    return {
      count: n,
      start: this.#start.slice(0, n),
      end: this.#end.slice(0, n),
      score: this.#score.slice(0, n),
      sample_index: this.#sample.slice(0, n),
      label: this.#label.slice(0, n),
      field: this.#field.slice(0, n),
      labels: [...this.#labels.keys()],
      fields: [...this.#fields.keys()],
    };
  }

  #grow(): void {
    const size = this.#start.length * 2;
    const grown = <A extends Uint32Array | Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.#start = grown(this.#start, (n) => new Uint32Array(n));
    this.#end = grown(this.#end, (n) => new Uint32Array(n));
    this.#score = grown(this.#score, (n) => new Float64Array(n));
    this.#sample = grown(this.#sample, (n) => new Uint32Array(n));
    this.#label = grown(this.#label, (n) => new Uint32Array(n));
    this.#field = grown(this.#field, (n) => new Int32Array(n));
  }
}

/** The wire objects, in order, with the same keys in the same order as the job built them. */
export function unpackEntities(packed: PackedEntities): EntityFound[] {
  const { count, start, end, score, sample_index, label, field, labels, fields } = packed;
  const out: EntityFound[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const s = sample_index[i]!;
    const f = field[i]!;
    const l = labels[label[i]!]!;
    // Object literals (not built key by key) so V8 keeps the fields in the object, the compact form.
    if (s === NO_SAMPLE) out[i] = f < 0 ? { start: start[i]!, end: end[i]!, label: l, score: score[i]! } : { start: start[i]!, end: end[i]!, label: l, score: score[i]!, field: fields[f]! };
    else if (f < 0) out[i] = { start: start[i]!, end: end[i]!, label: l, score: score[i]!, sample_index: s };
    else out[i] = { start: start[i]!, end: end[i]!, label: l, score: score[i]!, sample_index: s, field: fields[f]! };
  }
  return out;
}

/** True for a stored table (and not, say, an `entities_found` list a former version stored). */
export function isPackedEntities(value: unknown): value is PackedEntities {
  return typeof value === 'object' && value !== null && (value as PackedEntities).start instanceof Uint32Array;
}

function intern(table: Map<string, number>, key: string): number {
  let i = table.get(key);
  if (i === undefined) table.set(key, (i = table.size));
  return i;
}

function checkedIndex(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n >= NO_SAMPLE) throw new RangeError(`entity ${what} out of range: ${n}`);
  return n;
}
