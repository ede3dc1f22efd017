import type { DatasetField } from '../datasets/index.js';
import { serializeFile, contentTypeOf } from '../datasets/index.js';
import type { Engine } from '../engine/engine.js';
import { createMasker } from '../masks/index.js';
import { FAILED_PLACEHOLDER, redactTexts } from '../engine/redact-texts.js';
import type { DatasetContent, SampleRef } from './resources/datasets.js';
import type { EntityFound, EntitySummary, JobEvaluation } from './types.js';
import type { ValidatedRequest } from './validate.js';

/** What one sample became. Exactly one per input sample, in order. */
export interface SampleOutcome {
  ref: SampleRef;
  /** Masked fields per record of the sample; undefined when the sample failed. */
  masked?: Array<{ file: number; record: number; fields: DatasetField[] }>;
  entities: EntityFound[];
  entity_summary: EntitySummary;
  error?: string;
}

export interface JobOutcome {
  samples: SampleOutcome[];
  pseudonymMap: Record<string, string>;
  /** Each dataset file rewritten with its masked records, same format. */
  files: Array<{ path: string; content: string; content_type: string }>;
  /** The dataset the job ran over (for rendering `masked_content`). */
  content: DatasetContent;
  /** Post-job check, filled by `evaluateOutcome`. */
  evaluation?: JobEvaluation;
}

export interface JobWork {
  engine: Engine;
  content: DatasetContent;
  request: ValidatedRequest;
  /** Aborted by `cancel`. */
  signal: AbortSignal;
  /** Called after each batch: the heartbeat. */
  onProgress: (done: number, total: number) => void;
  /** Samples per engine call: small enough for a steady heartbeat and prompt cancel. */
  batchSize?: number;
}


/**
 * Runs detect → merge → mask over every sample of a dataset. Per-sample failures are recorded on
 * the sample; only an abort or a failure of the whole engine (model load) rejects.
 */
export async function runJob(work: JobWork): Promise<JobOutcome> {
  const { engine, content, request } = work;
  const total = content.samples.length;
  const batchSize = work.batchSize ?? 16;
  const masker = createMasker({
    seed: request.maskOptions.seed,
    hashKey: request.maskOptions.hash_key,
    encryptionKey: request.maskOptions.encryption_key,
  });
  const display = (t: string) => request.display.get(t) ?? t;
  const outcomes: SampleOutcome[] = [];

  for (let start = 0; start < total; start += batchSize) {
    if (work.signal.aborted) throw new DOMException('canceled', 'AbortError');
    const batch = content.samples.slice(start, start + batchSize);
    // Flatten every field of every record of the batch into one list of texts for the engine.
    const texts: string[] = [];
    const slots: Array<{ sample: number; part: number; field: string }> = [];
    const preErrors = new Map<number, string>();
    batch.forEach((ref, b) => {
      ref.parts.forEach((p, partIndex) => {
        const record = content.files[p.file]!.parsed.records[p.record]!;
        if (record.error !== undefined) {
          preErrors.set(b, `invalid_record: ${record.error}`);
          return;
        }
        for (const f of record.fields) {
          texts.push(f.text);
          slots.push({ sample: b, part: partIndex, field: f.key });
        }
      });
    });

    // An engine-wide failure (model load, no provider) rejects here and fails the job with its reason.
    const results = await redactTexts(work.engine, masker, texts, {
      method: request.method,
      types: request.types,
      threshold: request.threshold,
      locales: request.maskOptions.locales,
      llmModel: request.llmModel,
      signal: work.signal,
      maskConfig: request.maskConfig,
      displayLabel: display,
      batchSize: Math.max(1, texts.length),
    });

    const perSample = batch.map((ref) => ({
      ref,
      masked: ref.parts.map((p) => ({ file: p.file, record: p.record, fields: [] as DatasetField[] })),
      entities: [] as EntityFound[],
      entity_summary: {} as EntitySummary,
      error: undefined as string | undefined,
    }));
    for (const [b, error] of preErrors) perSample[b]!.error = error;

    for (let i = 0; i < texts.length; i++) {
      const slot = slots[i]!;
      const target = perSample[slot.sample]!;
      if (target.error !== undefined) continue;
      const d = results[i]!;
      if (d.error !== undefined) {
        target.error = d.error;
        continue;
      }
      target.masked[slot.part]!.fields.push({ key: slot.field, text: d.text });
      for (const s of d.spans) {
        const label = display(s.label);
        target.entities.push({
          start: s.start,
          end: s.end,
          label,
          score: round(s.score),
          sample_index: target.ref.sample_index,
          ...(slot.field !== 'text' || target.ref.parts.length > 1 ? { field: slot.field } : {}),
        });
        target.entity_summary[label] = (target.entity_summary[label] ?? 0) + 1;
      }
    }

    for (const s of perSample) {
      outcomes.push(
        s.error === undefined
          ? { ref: s.ref, masked: s.masked, entities: s.entities, entity_summary: s.entity_summary }
          : { ref: s.ref, entities: [], entity_summary: {}, error: s.error },
      );
    }
    work.onProgress(Math.min(total, start + batch.length), total);
  }

  return { samples: outcomes, pseudonymMap: masker.pseudonymMap(), files: rewriteFiles(content, outcomes), content };
}

function rewriteFiles(content: DatasetContent, outcomes: readonly SampleOutcome[]): JobOutcome['files'] {
  const maskedByFile = content.files.map(() => new Map<number, DatasetField[]>());
  for (const o of outcomes) {
    if (o.masked) {
      for (const m of o.masked) maskedByFile[m.file]!.set(m.record, m.fields);
    } else {
      // A failed sample: every text field is replaced by a placeholder, never written back as is.
      for (const p of o.ref.parts) {
        const record = content.files[p.file]!.parsed.records[p.record]!;
        maskedByFile[p.file]!.set(
          p.record,
          record.fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER })),
        );
      }
    }
  }
  return content.files.map((f, i) => ({
    path: f.path,
    content: serializeFile(f.parsed, maskedByFile[i]!),
    content_type: contentTypeOf(f.parsed.format),
  }));
}

/** What a transform job shows as `masked_content` for a sample. */
export function maskedContentOf(content: DatasetContent, outcome: SampleOutcome): string {
  if (!outcome.masked) return '';
  const { ref } = outcome;
  if (ref.kind === 'record') {
    const fields = outcome.masked[0]!.fields;
    if (fields.length === 1 && fields[0]!.key === 'text') return fields[0]!.text;
    return JSON.stringify(Object.fromEntries(fields.map((f) => [f.key, f.text])));
  }
  const perFile = new Map<number, Map<number, DatasetField[]>>();
  for (const m of outcome.masked) {
    let map = perFile.get(m.file);
    if (!map) perFile.set(m.file, (map = new Map()));
    map.set(m.record, m.fields);
  }
  const rendered = [...perFile].map(([file, map]) => [content.files[file]!.path, serializeFile(content.files[file]!.parsed, map)] as const);
  if (ref.kind === 'file') return rendered[0]?.[1] ?? '';
  return JSON.stringify(Object.fromEntries(rendered));
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
