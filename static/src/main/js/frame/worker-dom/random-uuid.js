// crypto.randomUUID for contexts that lack it. The Python worker is started from a blob: URL by an
// opaque-origin frame, so it is not a secure context and has crypto.getRandomValues but no
// randomUUID, which coincident calls when it loads. Import this module before coincident.

/** A random (version 4) UUID made from `cryptoObject.getRandomValues`. */
export function randomUUID(cryptoObject = globalThis.crypto) {
  const bytes = cryptoObject.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Gives `cryptoObject` a randomUUID when it has none; returns whether it had to. */
export function installRandomUUID(cryptoObject = globalThis.crypto) {
  if (!cryptoObject || typeof cryptoObject.randomUUID === 'function') return false;
  Object.defineProperty(cryptoObject, 'randomUUID', {
    value: () => randomUUID(cryptoObject), configurable: true, writable: true,
  });
  return true;
}

installRandomUUID();
