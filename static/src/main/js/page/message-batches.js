// One postMessage for many messages: the string messages sent through one channel (the editor's
// port to its eval frame, either way; the frame and its Python worker, either way) during a task go
// together, as { jodideBatch: [text, ...] }. Run All sends a thousand chunks in one click and gets
// a thousand answers; each postMessage and each message event costs the receiving thread a task.
//
//   const outbox = createOutbox((data) => port.postMessage(data));
//   outbox.send('{"type":"RunCode",...}');   // posted once the current task's microtasks run
//   outbox.flush();                          // now: before blocking (Atomics.wait), before closing
//   port.onmessage = (event) => eachText(event.data, handle);   // handle(text) per message, in order
//
// A task that keeps sending (a long run printing line after line) still delivers: a batch older
// than maxAgeMs is posted at the next send.

/** The key of a batch's array of texts in the posted object. */
export const BATCH_KEY = 'jodideBatch';

/** How long, in ms, a message may wait for others sent in the same task. */
export const MAX_BATCH_AGE_MS = 16;

/**
 * Batches texts for post(data): data is the text itself when it goes alone, else { jodideBatch: texts }.
 * `defer(flush)` runs flush after the current task (queueMicrotask by default).
 */
export function createOutbox(post, { now = () => performance.now(), maxAgeMs = MAX_BATCH_AGE_MS,
  defer = (flush) => queueMicrotask(flush) } = {}) {
  let queued = null;
  let since = 0;
  function flush() {
    if (!queued) return;
    const texts = queued;
    queued = null;
    post(texts.length === 1 ? texts[0] : { [BATCH_KEY]: texts });
  }
  function send(text) {
    if (!queued) {
      queued = [];
      since = now();
      defer(flush);
    }
    queued.push(text);
    if (now() - since >= maxAgeMs) flush();
  }
  return { send, flush };
}

/**
 * Calls handler(text) for each text message in a message's data (one text, or a batch of them),
 * in order; returns false, calling nothing, when the data is neither (another library's message).
 */
export function eachText(data, handler) {
  if (typeof data === 'string') {
    handler(data);
    return true;
  }
  const texts = data && typeof data === 'object' ? data[BATCH_KEY] : undefined;
  if (!Array.isArray(texts)) return false;
  for (const text of texts) {
    if (typeof text === 'string') handler(text);
  }
  return true;
}

/** One outbox per target (a MessagePort, a Worker), made by makeOutbox(target) on first use. */
export function outboxes(makeOutbox) {
  const byTarget = new WeakMap();
  return (target) => {
    let outbox = byTarget.get(target);
    if (!outbox) {
      outbox = makeOutbox(target);
      byTarget.set(target, outbox);
    }
    return outbox;
  };
}
