/**
 * Just enough protobuf to read and patch ONNX files in place: the graph rewrite
 * (`integer-matmul.ts`) and the model's metadata (`graph-optimization.ts`) walk fields, never
 * decode tensors, so nearly all of a model's bytes are copied through untouched.
 */
import { concatBytes } from '../bytes.js';

/** Protobuf wire types used by ONNX. */
export const VARINT = 0;
export const I64 = 1;
export const LEN = 2;
export const I32 = 5;

/** ONNX tensor element types (TensorProto.DataType). */
export const FLOAT = 1;
export const INT8 = 3;

export interface Field {
  field: number;
  wire: number;
  /** The whole field (tag included), to copy through. */
  start: number;
  end: number;
  /** LEN fields: where the payload lies. */
  valueStart: number;
  valueEnd: number;
  /** VARINT fields. */
  varint: number;
}

/** The fields of one message lying in `bytes[from, to)`. Throws on bytes that are not protobuf. */
export function fields(bytes: Uint8Array, from: number, to: number): Field[] {
  const out: Field[] = [];
  let at = from;
  while (at < to) {
    const start = at;
    const [tag, afterTag] = varint(bytes, at);
    at = afterTag;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let valueStart = at;
    let valueEnd = at;
    let value = 0;
    if (wire === VARINT) [value, at] = varint(bytes, at);
    else if (wire === I64) at += 8;
    else if (wire === I32) at += 4;
    else if (wire === LEN) {
      const [length, afterLength] = varint(bytes, at);
      valueStart = afterLength;
      valueEnd = afterLength + length;
      at = valueEnd;
    } else throw new Error('unsupported wire type');
    if (at > to || field === 0) throw new Error('truncated');
    out.push({ field, wire, start, end: at, valueStart, valueEnd, varint: value });
  }
  return out;
}

/** A varint as a number (exact up to 2^53: lengths, tags and enums). */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) throw new Error('truncated varint');
    const b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 128;
    if (scale > 2 ** 63) throw new Error('varint too long');
  }
}

const decoder = new TextDecoder();

/** A LEN field's payload as UTF-8 text. */
export const text = (bytes: Uint8Array, f: Field): string => decoder.decode(bytes.subarray(f.valueStart, f.valueEnd));

function writeVarint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** A LEN field's tag and length, for a payload of `length` bytes written after it. */
export function lengthHeader(field: number, length: number): Uint8Array {
  return Uint8Array.from([...writeVarint(field * 8 + LEN), ...writeVarint(length)]);
}

export function lengthField(field: number, payload: Uint8Array): Uint8Array {
  return concatBytes([lengthHeader(field, payload.length), payload]);
}

export function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...writeVarint(field * 8 + VARINT), ...writeVarint(value)]);
}
