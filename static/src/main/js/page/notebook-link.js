// A notebook carried in a link: index.html#iomd=<data>, where data is the notebook's UTF-8 bytes,
// compressed with the browser's own CompressionStream ('deflate-raw') and written in base64url
// (RFC 4648 §5, no padding). The fragment never reaches a server, so the notebook travels with
// the link alone; the bytes come back exactly (line endings included).
//
//   const data = await encodeNotebook('%% md\n# Hi\n');      // 'U1VVyE3hUlbwyOQCAA'
//   const link = notebookLink(data, location.href);          // 'https://host/index.html#iomd=U1VV…'
//   linkedNotebookData(new URL(link).hash);                  // 'U1VV…'
//   await decodeNotebook(data);                              // '%% md\n# Hi\n'

/** The fragment's name: `#iomd=<data>`. */
export const LINK_PARAMETER = 'iomd';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The notebook's text as link data: deflate-raw, then base64url. */
export async function encodeNotebook(text) {
  const compressed = await transform(new TextEncoder().encode(String(text)), new CompressionStream('deflate-raw'));
  return toBase64Url(compressed);
}

/**
 * The notebook's text from link data. Throws an Error that says what is wrong with the link: not
 * base64url, cut short or not a compressed notebook, or not UTF-8 text.
 */
export async function decodeNotebook(data) {
  const text = String(data);
  if (!text || !BASE64URL.test(text)) {
    throw new Error('the link does not carry a notebook (its #iomd= part is not base64url text)');
  }
  const damaged = 'the notebook in the link is damaged: the link was probably cut short when it was copied or sent';
  // A base64url text never has a length of 4n + 1: such a text was cut.
  if (text.length % 4 === 1) throw new Error(damaged);
  let bytes;
  try {
    bytes = await transform(fromBase64Url(text), new DecompressionStream('deflate-raw'));
  } catch (failure) {
    throw new Error(damaged);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (failure) {
    throw new Error('the notebook in the link is not UTF-8 text');
  }
}

/** The link data in a location's fragment (`#iomd=<data>`), or null when it carries none. */
export function linkedNotebookData(hash = location.hash) {
  const fragment = String(hash || '').replace(/^#/, '');
  const prefix = `${LINK_PARAMETER}=`;
  return fragment.startsWith(prefix) ? fragment.slice(prefix.length) : null;
}

/**
 * The link that opens `data` on the page at `pageUrl`: the same page and settings, without a
 * `?notebook=` (the link carries the notebook itself) and with `#iomd=<data>` as its fragment.
 */
export function notebookLink(data, pageUrl = location.href) {
  const url = new URL(pageUrl);
  url.searchParams.delete('notebook');
  url.hash = `${LINK_PARAMETER}=${data}`;
  return url.href;
}

/**
 * Calls `callback` when the page's fragment comes to carry another notebook than `data` (a link
 * pasted into the address bar of an open page changes only the fragment, which reloads nothing).
 */
export function onLinkedNotebookChange(data, callback, scope = globalThis) {
  scope.addEventListener('hashchange', () => {
    const now = linkedNotebookData(scope.location.hash);
    if (now !== null && now !== data) callback();
  });
}

/** Reloads the page when its fragment comes to carry another notebook than `data` (the page then opens that one). */
export function reloadOnLinkedNotebookChange(data) {
  onLinkedNotebookChange(data, () => location.reload());
}

/** For the Java side: callback(text, null) with the linked notebook's text, or callback(null, why). */
export function readLinkedNotebook(data, callback) {
  decodeNotebook(data).then((text) => callback(text, null), (failure) => callback(null, failure.message));
}

/** For the Java side: callback(link, null) with the link carrying `text` (on this page), or callback(null, why). */
export function makeNotebookLink(text, callback) {
  encodeNotebook(text).then((data) => callback(notebookLink(data), null),
    (failure) => callback(null, String((failure && failure.message) || failure)));
}

/**
 * Puts `text` on the clipboard: callback(null) when it is there, callback(why) when the browser
 * refused (no permission, the page not focused, no clipboard API).
 */
export function copyText(text, callback, clipboard = globalThis.navigator && navigator.clipboard) {
  if (!clipboard || typeof clipboard.writeText !== 'function') {
    callback('this browser gives no clipboard to the page');
    return;
  }
  clipboard.writeText(text).then(() => callback(null),
    (failure) => callback(String((failure && failure.message) || failure)));
}

async function transform(bytes, stream) {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + step));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
