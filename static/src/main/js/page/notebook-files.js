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
 * Fetches a text file: callback(text, null), or callback(null, why) with the HTTP status (and
 * its text) or the network error.
 */
export function fetchText(url, callback, fetcher = fetch) {
  return fetcher(url).then((response) => {
    if (!response.ok) {
      callback(null, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      return undefined;
    }
    return response.arrayBuffer().then((bytes) => callback(decodeText(bytes), null));
  }).catch((failure) => callback(null, `network error: ${(failure && failure.message) || failure}`));
}

/** The file name at the end of a URL's path, decoded; null when there is none or the URL is not valid. */
export function lastPathSegment(url) {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop()) || null;
  } catch (e) {
    return null;
  }
}

/** Lets the browser save `text` as `fileName` (a hidden link to a blob: URL, clicked). */
export function offerText(fileName, text, doc = document) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
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
  return event.dataTransfer.files[0].arrayBuffer().then(
    (bytes) => callback(decodeText(bytes), null),
    (failure) => callback(null, String((failure && failure.message) || failure)),
  );
}
