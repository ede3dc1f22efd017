/**
 * Resolves on the next macrotask, so queued messages (a cancel, a click) get a turn between two
 * long steps. Not `setTimeout(0)`: browsers clamp nested timeouts to ≥ 4 ms, which a model run of
 * a few ms per batch would pay every time. A MessageChannel post is not clamped; Node has
 * `setImmediate`.
 */
export function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  channel ??= openChannel();
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function openChannel(): MessageChannel {
  const c = new MessageChannel();
  c.port1.onmessage = () => waiting.shift()?.();
  return c;
}
