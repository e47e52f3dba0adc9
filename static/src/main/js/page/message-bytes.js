// Bytes beside the text messages: a data file's bytes travel as an ArrayBuffer (copied by the
// browser's structured clone, never base64 in text), in a message of their own posted just before
// the text message that names them (EditorToFrame.PutDataFile, FrameToWorker.PutDataFile), through
// the same channel, which keeps the order. The receiving side keeps them until that message takes
// them.
//
//   sender:    outbox.flush(); port.postMessage(bytesMessage('sales.csv', buffer)); outbox.send(putDataFileText);
//   receiver:  port.onmessage = (event) => { if (!keepBytes(event.data)) eachText(event.data, handle); };
//              takeBytes('sales.csv')   // the ArrayBuffer, once; null when none came

/** The key of a bytes message: the name its bytes go by. */
export const BYTES_KEY = 'jodideBytes';

/** The message carrying `bytes` (an ArrayBuffer) as `name`. */
export function bytesMessage(name, bytes) {
  if (!(bytes instanceof ArrayBuffer)) throw new TypeError(`the bytes of ${name} must be an ArrayBuffer`);
  return { [BYTES_KEY]: String(name), bytes };
}

/** Keeps the bytes a message carries, in the realm that received it (until taken). */
const received = new Map();

/** Keeps the bytes if `data` is a bytes message, returning true; false (keeping nothing) for any other. */
export function keepBytes(data) {
  if (!data || typeof data !== 'object' || typeof data[BYTES_KEY] !== 'string' || !(data.bytes instanceof ArrayBuffer)) {
    return false;
  }
  received.set(data[BYTES_KEY], data.bytes);
  return true;
}

/** The bytes received as `name` (an ArrayBuffer), forgotten here; null when none came. */
export function takeBytes(name) {
  const bytes = received.get(String(name));
  received.delete(String(name));
  return bytes ?? null;
}
