/**
 * Where a file's bytes come from: bytes in memory, a Blob (a browser `File`, Node's
 * `fs.openAsBlob`), a web `ReadableStream`, or any async iterable of bytes (a Node read stream).
 * Only Blobs and streams let a big file be read without holding all of it.
 */
export type ByteSource = Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Bytes in memory are handed out in pieces of this size, so decoding them stays incremental too. */
const PIECE_BYTES = 1 << 20;

/** The bytes of `source`, piece by piece, in order. */
export async function* readBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += PIECE_BYTES) yield source.subarray(at, at + PIECE_BYTES);
    return;
  }
  const stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> = typeof Blob !== 'undefined' && source instanceof Blob ? source.stream() : (source as Exclude<ByteSource, Blob | Uint8Array>);
  if (!isReadableStream(stream)) {
    yield* stream;
    return;
  }
  // A reader rather than `for await`: not every browser makes a ReadableStream async-iterable.
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A reader stopped early (a refused file) lets the source go.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function isReadableStream(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}
