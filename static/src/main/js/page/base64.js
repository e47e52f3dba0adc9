// Bytes as base64 text and back, in pieces (String.fromCharCode of a whole large array overflows
// the call stack). The data files travel base64-encoded in the protocol's JSON messages: the
// editor page encodes them (page/data-files.js), the eval frame and the Python worker decode them
// (frame/data-files.js, pyodide/data-files.js), and Python's files come back the same way.

const PIECE = 0x8000;

/** The base64 text of `bytes` (a Uint8Array). */
export function bytesToBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += PIECE) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + PIECE));
  }
  return btoa(binary);
}

/** The bytes of a base64 text. */
export function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
