// Settings the editor passes to the eval frame in its URL's hash: #theme=dark&packageIndex=URL&packageTimeoutMs=N.
//
//   hashParameter('packageIndex')   // 'https://example.org/simple/' or null

/**
 * The decoded value of `name` in `hash`, or null when absent. By default the frame's settings: its
 * location.hash, or, in a srcdoc frame (which has no address of its own), those its boot script was
 * given (handed-frame-boot.js).
 */
export function hashParameter(name, hash = globalThis.jodideFrameHash ?? globalThis.location.hash) {
  const found = new RegExp(`[#&]${name}=([^&]*)`).exec(hash);
  return found ? decodeURIComponent(found[1]) : null;
}
