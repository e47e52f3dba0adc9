// Settings the editor passes to the eval frame in its URL's hash: #theme=dark&packageIndex=URL&packageTimeoutMs=N.
//
//   hashParameter('packageIndex')   // 'https://example.org/simple/' or null

/** The decoded value of `name` in `hash` (the frame's location.hash by default), or null when absent. */
export function hashParameter(name, hash = globalThis.location.hash) {
  const found = new RegExp(`[#&]${name}=([^&]*)`).exec(hash);
  return found ? decodeURIComponent(found[1]) : null;
}
