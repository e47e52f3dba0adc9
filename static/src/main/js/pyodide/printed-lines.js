// Joins what Python prints into one text per stream run, in JavaScript: Pyodide calls its stream
// writer once per line (Python's streams are line buffered) and at each flush, and a call into
// the TeaVM side per line cost ~10 µs (a loop printing 100,000 lines ran 2-5 times slower than in
// a bare page). The writer gets the bytes exactly as printed: a line without its end written with
// flush=True ("Loading...", a dot per step, "50%\r") goes on at once and the next text continues
// it. (Pyodide's `batched` handler, used before, holds such text until a line feed comes, in the
// next run if need be, and adds a line feed of its own.) The sink gets the joined text once
// maxDelayMs have passed since the first text waiting (checked at each write, and by a timer for
// code that yields), when the other stream prints (so stdout and stderr keep their order), and
// when flush() is called (before a display and at the end of a run).
//
// sink(stream, text): stream 0 is stdout, 1 is stderr.
// Returns { stdout, stderr } (options for pyodide.setStdout / setStderr) and flush().
export function printedLines(sink, maxDelayMs, clock = () => performance.now(), timers = globalThis) {
  // The bytes waiting, of one stream, copied out of Python's memory (which the next write reuses);
  // decoded once when they go, not at each write (a decode per line cost ~4 µs in the browser).
  let bytes = new Uint8Array(64 * 1024);
  let length = 0;
  let stream = 0;
  let since = 0;
  let timer = 0;
  // One decoder per stream: a character split across two writes (or two flushes) comes out whole.
  const decoders = [new TextDecoder(), new TextDecoder()];

  function flush() {
    if (timer) {
      timers.clearTimeout(timer);
      timer = 0;
    }
    if (length) {
      const text = decoders[stream].decode(bytes.subarray(0, length), { stream: true });
      length = 0;
      // A huge print grew the buffer: give that memory back.
      if (bytes.length > 1024 * 1024) bytes = new Uint8Array(64 * 1024);
      if (text) sink(stream, text);
    }
  }

  function handler(from) {
    return {
      write(buffer) {
        if (!buffer.length) return 0;
        if (length && stream !== from) flush();
        const now = clock();
        if (!length) {
          stream = from;
          since = now;
          timer = timers.setTimeout(flush, maxDelayMs);
        }
        if (length + buffer.length > bytes.length) {
          const grown = new Uint8Array(Math.max(bytes.length * 2, length + buffer.length));
          grown.set(bytes.subarray(0, length));
          bytes = grown;
        }
        bytes.set(buffer, length);
        length += buffer.length;
        if (now - since >= maxDelayMs) flush();
        return buffer.length;
      },
    };
  }

  return { stdout: handler(0), stderr: handler(1), flush };
}
