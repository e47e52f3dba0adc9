// Loads one line of a fetch chunk in the eval frame: data lines become globals of the frame (so
// Python reads them with `from js import name`), js and css lines add a script or a stylesheet.
// A failure is reported, never treated as success: an HTTP error status, a network error, or a
// body that is not JSON for a json line.
//
//   loadFetchLine('JSON', 'rows', 'data/rows.json', (error, detail) => ...);  // detail '1.2 KB'

import { copyToWorkerByValue } from './worker-dom/by-value.js';
import { FETCHED_STYLE } from '../report/style-marks.js';

/** A byte count as people read it: "512 bytes", "1.2 KB", "3.4 MB". */
export function formatSize(byteCount) {
  if (byteCount < 1024) return `${byteCount} bytes`;
  if (byteCount < 1048576) return `${(byteCount / 1024).toFixed(1)} KB`;
  return `${(byteCount / 1048576).toFixed(1)} MB`;
}

/** "HTTP 404 Not Found for URL". */
export function httpError(response, url) {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`;
}

/**
 * Loads `url` as `kind` (JS, CSS, TEXT, JSON, BLOB, ARRAY_BUFFER, BYTES); data kinds go into
 * `scope[variableName]`. `done(error, detail)` is called once: error null on success. A data line
 * written `files/NAME` (Iodide's uploaded files) comes with `dataFile` NAME: when `dataFiles` (the
 * frame's data files) has it, it is loaded from there instead of `url`.
 */
export function loadFetchLine(kind, variableName, url, done,
  { fetch = globalThis.fetch, document = globalThis.document, scope = globalThis, dataFile = null, dataFiles = null } = {}) {
  if (kind === 'CSS') {
    loadStylesheet(document, url, done);
    return;
  }
  if (kind === 'JS') {
    const element = document.createElement('script');
    element.src = url;
    element.onload = () => done(null, 'script loaded');
    element.onerror = () => done(`could not load ${url}`, '');
    document.head.appendChild(element);
    return;
  }
  const fromDataFile = dataFile && dataFiles && dataFiles.exists(dataFile);
  const fetched = fromDataFile
    ? dataFiles.load(dataFile, 'arrayBuffer').then((bytes) => new Response(bytes))
    : fetch(url);
  fetched.then((response) => {
    if (!response.ok) {
      done(httpError(response, url), '');
      return null;
    }
    const reading = kind === 'BLOB' ? response.blob()
      : (kind === 'ARRAY_BUFFER' || kind === 'BYTES') ? response.arrayBuffer() : response.text();
    return reading.then((body) => {
      let loaded = body;
      const byteCount = typeof body === 'string' ? new Blob([body]).size
        : (body.byteLength !== undefined ? body.byteLength : body.size);
      if (kind === 'JSON') {
        try {
          loaded = JSON.parse(body);
        } catch (parseError) {
          done(`bad JSON in ${url}: ${parseError.message}`, '');
          return;
        }
      }
      if (kind === 'BYTES') loaded = new Uint8Array(body);
      scope[variableName] = copyToWorkerByValue(loaded, scope);
      done(null, formatSize(byteCount) + (fromDataFile ? ', the data file added in this browser' : ''));
    });
  }).catch((failure) => done(`network error loading ${url}: ${(failure && failure.message) || failure}`, ''));
}

/**
 * A css line's stylesheet, marked FETCHED_STYLE. It is asked for with CORS first, so that its rules
 * can be read, and Export HTML and Print keep them (snapshot.js); a server that does not allow that
 * is asked again without, and its styles apply to the report but stay out of those pages.
 */
function loadStylesheet(document, url, done, readable = true) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  if (readable) link.crossOrigin = 'anonymous';
  link.setAttribute(FETCHED_STYLE, readable ? 'readable' : 'unreadable');
  link.href = url;
  link.onload = () => done(null, 'stylesheet applied');
  link.onerror = () => {
    link.remove();
    if (readable) loadStylesheet(document, url, done, false);
    else done(`could not load ${url}`, '');
  };
  document.head.appendChild(link);
}
