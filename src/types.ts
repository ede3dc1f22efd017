/**
 * Core shapes shared by every stage (recognizers, GLiNER, merge, masks, API).
 * Offsets are JavaScript string indices (UTF-16 code units), `end` exclusive.
 */

/** Canonical entity type name, upper case, Presidio-style (`PERSON`, `EMAIL`, `IBAN_CODE`, ...). */
export type EntityType = string;

/** A detected entity. The one span shape that flows detect → merge → mask. */
export interface Span {
  start: number;
  end: number;
  /** Canonical type (see `src/engine/labels.ts`); mapped back to the caller's name at the API edge. */
  label: EntityType;
  /** Confidence in 0..1. Heuristics follow Presidio's contract (base score, checksum → 1.0). */
  score: number;
  /** Which detector produced it: 'heuristics:<recognizer>', 'gliner', 'llm'. Local detail. */
  source?: string;
}

/** A sample handed to the engine: one text with a stable id. */
export interface Sample {
  id: string;
  text: string;
}
