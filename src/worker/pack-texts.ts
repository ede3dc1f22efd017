/**
 * Texts as one transferable buffer. Past a size, a batch is moved to (or from) the worker by
 * transferring an ArrayBuffer instead of structured-cloning an array of strings, which copies it
 * again on the receiving side. UTF-16 code units are copied as they are (no TextEncoder), so lone
 * surrogates survive and every span offset still points at the same character.
 */

/** `texts[i]` is `units[ends[i-1] .. ends[i])`. */
export interface PackedTexts {
  units: Uint16Array;
  ends: Uint32Array;
}

/** Below this many code units in total, plain cloning is cheaper than packing. */
export const PACK_THRESHOLD = 256 * 1024;

export function totalLength(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) n += t.length;
  return n;
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const units = new Uint16Array(totalLength(texts));
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((text, i) => {
    for (let j = 0; j < text.length; j++) units[at + j] = text.charCodeAt(j);
    at += text.length;
    ends[i] = at;
  });
  return { units, ends };
}

/** `String.fromCharCode` takes its arguments on the stack: decode in slices well under its limit. */
const SLICE = 8192;

export function unpackTexts({ units, ends }: PackedTexts): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of ends) {
    const parts: string[] = [];
    for (let at = start; at < end; at += SLICE) parts.push(String.fromCharCode(...units.subarray(at, Math.min(end, at + SLICE))));
    out.push(parts.join(''));
    start = end;
  }
  return out;
}

/** Buffers to list as transferables when posting `packed`. */
export function transferablesOf(packed: PackedTexts): ArrayBuffer[] {
  return [packed.units.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer];
}

/** Texts as they cross the boundary: plain when small, packed when large. */
export type WireTexts = { plain: readonly string[] } | { packed: PackedTexts };

export function toWire(texts: readonly string[]): { wire: WireTexts; transfer: ArrayBuffer[] } {
  if (totalLength(texts) < PACK_THRESHOLD) return { wire: { plain: texts }, transfer: [] };
  const packed = packTexts(texts);
  return { wire: { packed }, transfer: transferablesOf(packed) };
}

export function transferablesOfWire(wire: WireTexts): ArrayBuffer[] {
  return 'packed' in wire ? transferablesOf(wire.packed) : [];
}

export function fromWire(wire: WireTexts): readonly string[] {
  return 'plain' in wire ? wire.plain : unpackTexts(wire.packed);
}
