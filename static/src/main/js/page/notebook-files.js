// Notebook files in and out of the editor page: the ?notebook= URL, fetching a notebook's text,
// offering text as a download, and reading a file dropped on the page.

/** Decodes UTF-8 bytes as the notebook's text; a byte order mark is kept, so saving gives the same bytes. */
export function decodeText(bytes) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The absolute URL of the notebook named by `?notebook=` in `search`, resolved against `baseUri`; null when none. */
export function requestedNotebookUrl(search = location.search, baseUri = document.baseURI) {
  const named = new URLSearchParams(search).get('notebook');
  return named ? new URL(named, baseUri).href : null;
}

/**
 * Fetches a notebook: callback(text, null), or callback(null, why): the HTTP status (and its
 * text); a refused or failed request (the browser cannot tell a server that is down from one on
 * another site that does not allow this page to read it: CORS); an answer that is not text (by
 * its Content-Type, or bytes that are not UTF-8). The callback is called once, after the fetch has
 * settled: what it throws rejects the promise returned, and is never taken for a failed request.
 */
export function fetchText(url, callback, fetcher = fetch) {
  return fetcher(url).then((response) => {
    if (!response.ok) {
      return [null, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`];
    }
    const type = (response.headers && response.headers.get('Content-Type')) || '';
    if (NOT_TEXT.test(type)) {
      return [null, `the server answered with a ${type.split(';')[0].trim()} file, not a notebook's text`];
    }
    return response.arrayBuffer().then((bytes) => {
      const text = decodeStrictly(bytes);
      return text === null ? [null, 'the answer is not UTF-8 text (a binary file?), so it is not a notebook'] : [text, null];
    });
  }).catch((failure) => [null, `no answer that this page may read (${(failure && failure.message) || failure}):`
    + ' the server is unreachable, or it is on another site and does not allow other sites to read the notebook'
    + ' (it must send Access-Control-Allow-Origin)'])
    .then(([text, why]) => callback(text, why));
}

/** Content types that are not a notebook's text. */
// Not application/octet-stream: servers that do not know the .iomd extension answer with it.
const NOT_TEXT = /^\s*(image|audio|video|font)\/|^\s*application\/(pdf|zip|gzip|x-gzip|wasm|x-tar)\b/i;

/** The text of UTF-8 bytes (a byte order mark kept), or null when they are not UTF-8. */
function decodeStrictly(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    return null;
  }
}

/** The file name at the end of a URL's path, decoded; null when there is none or the URL is not valid. */
export function lastPathSegment(url) {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop()) || null;
  } catch (e) {
    return null;
  }
}

/** Lets the browser save `text` as `fileName` (a hidden link to a blob: URL, clicked), of media type `type`. */
export function offerText(fileName, text, doc = document, type = 'text/plain;charset=utf-8') {
  offerBlob(fileName, new Blob([text], { type }), doc);
}

/** Lets the browser save `blob` as `fileName` (a hidden link to a blob: URL, clicked). */
export function offerBlob(fileName, blob, doc = document) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Whether a drag event carries files (not text or a link). */
export function carriesFiles(event) {
  return !!event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
}

/** Whether a drag event is over the code editor (which handles drops of text itself). */
export function inEditor(event) {
  return !!(event.target && event.target.closest && event.target.closest('.cm-editor'));
}

/** The name of the first dropped file; null when none. */
export function firstFileName(event) {
  const dropped = event.dataTransfer.files;
  return dropped.length ? dropped[0].name : null;
}

/** Reads the first dropped file as UTF-8 text: callback(text, null) or callback(null, why). */
export function readFirstFile(event, callback) {
  return readFile(event.dataTransfer.files[0], callback);
}

/** Reads a File (from a drop or a file picker) as a notebook: callback(text, null) or callback(null, why). */
export function readFile(file, callback) {
  return file.arrayBuffer().then(
    (bytes) => {
      const text = decodeStrictly(bytes);
      if (text === null) callback(null, 'it is not UTF-8 text (a binary file?)');
      else callback(text, null);
    },
    (failure) => callback(null, String((failure && failure.message) || failure)),
  );
}

/**
 * Hears the files picked in `input` (an <input type=file>, opened by its click()): calls
 * callback(name, text, null), or callback(name, null, why) when the file cannot be read. The input
 * is emptied after each, so that the same file may be picked again.
 */
export function listenForPickedFiles(input, callback) {
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    if (!file) return;
    readFile(file, (text, error) => {
      input.value = '';
      callback(file.name, text, error);
    });
  });
}
