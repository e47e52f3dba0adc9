// The shared-memory side of Python in a worker (browser-ui: org.jodide.ui.frame.worker).
// The eval frame starts the worker and owns two SharedArrayBuffers it hands to it:
//   - the interrupt buffer, an Int32Array of three slots: [0] is given to Pyodide's
//     setInterruptBuffer: the frame writes 2, SIGINT, and Python's SIGINT handler runs; or, while
//     a run lasts and the slot is empty, FLUSH_SIGNAL, and Python's handler of that signal sends
//     the text printed so far (the worker's own timers cannot fire while Python computes); the
//     kernel's time.sleep waits on this slot (waitForSignal), so both reach a sleep too; [1] is set
//     by the SIGINT handler when it raises KeyboardInterrupt, so the frame stops writing SIGINT and later
//     signals of the same run are ignored (a second KeyboardInterrupt would hit the kernel's own
//     error handling); [2] is the highest run id whose run is dropped if it has not started (Stop:
//     the worker, busy with the runs queued behind a long one, would see a message too late);
//   - the input buffer, where the frame writes the user's answer to input() while the worker
//     waits on it with Atomics.wait.
//
//   // in the frame
//   if (isIsolated()) {
//     const buffers = createSharedBuffers();
//     const worker = startPythonWorker(siteUrl);        // python-worker-frame.js: a classic worker from a blob: URL
//     worker.postMessage({ wire, interrupt: buffers.interrupt, input: buffers.input });
//     writeAnswer(buffers.input, 'Ada');                  // the user pressed Enter
//   }
//   // in the worker
//   const line = readLine(input, interrupt, () => postMessage(request)); // string, null (EOF) or false (stopped)

import { BATCH_KEY, createOutbox, eachText, outboxes } from '../page/message-batches.js';
import { bytesMessage, keepBytes } from '../page/message-bytes.js';

export { takeBytes } from '../page/message-bytes.js';

/** Pyodide's value for SIGINT in the interrupt buffer. */
export const SIGINT = 2;

/**
 * The signal that asks Python to send what it printed: SIGUSR1 as Emscripten numbers it (the
 * kernel's terminal.install_output_flush handles it; its test checks the number).
 */
export const FLUSH_SIGNAL = 10;

/** Bytes of UTF-8 an answer to input() may have; longer answers are cut at a character boundary. */
export const INPUT_CAPACITY = 64 * 1024;

// Input buffer layout: Int32 [0] state, [1] byte length, then the UTF-8 bytes.
const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
const WAITING = 0;
const ANSWERED = 1;
const END_OF_INPUT = 2;

/** How long one Atomics.wait lasts before the interrupt buffer is checked again, in ms. */
const WAIT_SLICE_MS = 20;

/** Whether this context can share memory with a worker (cross-origin isolated, SharedArrayBuffer present). */
export function isIsolated() {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

const DROPPED_UP_TO = 2;

/** A fresh interrupt buffer (Int32Array of three slots, see above) and input buffer (SharedArrayBuffer). */
export function createSharedBuffers() {
  return {
    interrupt: new Int32Array(new SharedArrayBuffer(12)),
    input: new SharedArrayBuffer(HEADER_BYTES + INPUT_CAPACITY),
  };
}

/** Asks the running Python to stop: writes SIGINT (and wakes a time.sleep, see waitForSignal). */
export function requestInterrupt(interrupt) {
  Atomics.store(interrupt, 0, SIGINT);
  Atomics.notify(interrupt, 0);
}

/** Whether the interrupt buffer still holds an interrupt Python has not taken. */
export function interruptPending(interrupt) {
  return Atomics.load(interrupt, 0) === SIGINT;
}

/**
 * Asks the running Python to send the text it printed (FLUSH_SIGNAL), unless the slot holds a
 * signal already: an interrupt is never overwritten. Returns whether it asked.
 */
export function requestOutputFlush(interrupt) {
  const asked = Atomics.compareExchange(interrupt, 0, 0, FLUSH_SIGNAL) === 0;
  if (asked) Atomics.notify(interrupt, 0);
  return asked;
}

/**
 * In the worker, for the kernel's time.sleep (terminal.install_sleep): waits at most ms for a
 * signal in the slot (the frame wakes it as it writes one) and takes it, as Pyodide would. Returns
 * the signal (SIGINT, FLUSH_SIGNAL), or 0 when the time ran out.
 */
export function waitForSignal(interrupt, ms) {
  Atomics.wait(interrupt, 0, 0, Math.max(0, ms));
  return Atomics.exchange(interrupt, 0, 0);
}

/** Whether the running Python has raised KeyboardInterrupt for the current run's interrupt. */
export function interruptDelivered(interrupt) {
  return Atomics.load(interrupt, 1) !== 0;
}

/** Withdraws an interrupt and its delivery (between runs, so the next run does not start interrupted). */
export function clearInterrupt(interrupt) {
  Atomics.store(interrupt, 0, 0);
  Atomics.store(interrupt, 1, 0);
}

/** In the frame: runs with ids up to runId that have not started are not to start. */
export function dropRunsUpTo(interrupt, runId) {
  Atomics.store(interrupt, DROPPED_UP_TO, runId);
}

/** In the worker: the highest run id that is not to start (0: none). */
export function droppedUpTo(interrupt) {
  return Atomics.load(interrupt, DROPPED_UP_TO);
}

/** In the worker: the slot Pyodide polls (setInterruptBuffer). */
export function signalSlot(interrupt) {
  return new Int32Array(interrupt.buffer, interrupt.byteOffset, 1);
}

/** In the worker, from the SIGINT handler: marks the interrupt delivered; true only the first time in a run. */
export function firstDelivery(interrupt) {
  return Atomics.exchange(interrupt, 1, 1) === 0;
}

/** Gives the waiting worker its line (a string), or end of input (null), and wakes it. */
export function writeAnswer(input, text) {
  const header = new Int32Array(input, 0, 2);
  if (text === null || text === undefined) {
    Atomics.store(header, LENGTH, 0);
    Atomics.store(header, STATE, END_OF_INPUT);
  } else {
    // TextEncoder refuses views of shared memory (in browsers): encode, then copy in.
    const encoded = new Uint8Array(INPUT_CAPACITY);
    const { written } = new TextEncoder().encodeInto(String(text), encoded);
    new Uint8Array(input, HEADER_BYTES, INPUT_CAPACITY).set(encoded.subarray(0, written));
    Atomics.store(header, LENGTH, written);
    Atomics.store(header, STATE, ANSWERED);
  }
  Atomics.notify(header, STATE);
}

/**
 * In the worker: marks the input buffer as waiting, calls `ask` (which tells the frame), then
 * blocks until the frame answers or the run is interrupted. Returns the line, null at end of
 * input, or false when the interrupt buffer was set meanwhile; the interrupt is then taken (the
 * buffer cleared), as Pyodide takes it, since the caller raises KeyboardInterrupt itself.
 */
export function readLine(input, interrupt, ask) {
  const header = new Int32Array(input, 0, 2);
  Atomics.store(header, STATE, WAITING);
  ask();
  flushToFrame(); // the request must be on its way before this thread blocks
  for (;;) {
    Atomics.wait(header, STATE, WAITING, WAIT_SLICE_MS);
    const state = Atomics.load(header, STATE);
    if (state === ANSWERED) {
      const length = Atomics.load(header, LENGTH);
      // TextDecoder refuses views of shared memory: copy the bytes out first.
      const copy = new Uint8Array(input, HEADER_BYTES, length).slice();
      return new TextDecoder().decode(copy);
    }
    if (state === END_OF_INPUT) {
      return null;
    }
    // Only an interrupt ends the wait; a flush request stays for Python to take once it runs again.
    if (interrupt && Atomics.compareExchange(interrupt, 0, SIGINT, 0) === SIGINT) {
      Atomics.store(interrupt, 1, 1);
      return false;
    }
  }
}

/**
 * In the worker: hands the frame's Jodide messages to receiver(wire, interruptBuffer or null,
 * inputBuffer or null), first those the boot script held while the program loaded
 * (`scope.jodideHeldMessages`). Only Jodide's messages carry wire text; coincident's have their own.
 */
export function listenToFrame(receiver, scope = globalThis) {
  const deliver = (event) => {
    const data = event.data || {};
    if (keepBytes(data)) return;
    if (typeof data.wire === 'string') {
      receiver(data.wire, data.interrupt || null, data.input || null);
    } else if (Array.isArray(data[BATCH_KEY])) {
      eachText(data, (wire) => receiver(wire, null, null));
    }
  };
  scope.onmessage = deliver;
  (scope.jodideHeldMessages || []).splice(0).forEach(deliver);
}

/**
 * In the frame: hands the worker's wire text to messages(wire) and its error event (a script that
 * failed to load, an uncaught error) to failures(reason), keeping it from the console.
 */
export function listenToWorker(worker, messages, failures) {
  worker.onmessage = (event) => {
    eachText(event.data, messages);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failures(String(event.message || 'the worker failed to start'));
  };
}

const workerOutbox = outboxes((worker) => createOutbox((data) => worker.postMessage(typeof data === 'string' ? { wire: data } : data)));

/** In the frame: posts wire text to the worker, together with the others posted in the same task. */
export function postToWorker(worker, wire) {
  workerOutbox(worker).send(wire);
}

/** In the frame: posts `bytes` (an ArrayBuffer, copied) as `name`, after what waits: the wire text naming them comes next. */
export function postBytesToWorker(worker, name, bytes) {
  workerOutbox(worker).flush();
  worker.postMessage(bytesMessage(name, bytes));
}

/** In the frame: posts wire text with the shared buffers (the first message), after what waits. */
export function postToWorkerWithBuffers(worker, wire, interrupt, input) {
  workerOutbox(worker).flush();
  worker.postMessage({ wire, interrupt, input });
}

let frameOutbox = null;

/** In the worker: posts wire text to the frame, together with the others posted in the same task. */
export function postToFrame(wire, scope = globalThis) {
  if (!frameOutbox) frameOutbox = createOutbox((data) => scope.postMessage(data));
  frameOutbox.send(wire);
}

/**
 * In the worker: posts what waits for the frame now. Called before the worker blocks (input()) and
 * before each synchronous call into the frame (worker-dom), which must not overtake earlier messages.
 */
export function flushToFrame() {
  if (frameOutbox) frameOutbox.flush();
}
