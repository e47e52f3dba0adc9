// The few rules of the .iomd format (docs/iomd.md) that the editor needs, on plain strings.
// Offsets are 0-based UTF-16 offsets. The editor splits lines on "\n" only: a "\r" just
// before it belongs to the line break (spec section 2), a lone "\r" stays inside the line.

/** The chunk types with a meaning (spec section 4), as written after %% in lower case. */
export const CHUNK_TYPES = Object.freeze(['md', 'js', 'py', 'css', 'fetch', 'raw', 'plugin']);

/** Type of a chunk whose word is none of CHUNK_TYPES, or a bare %% with no typed chunk above. */
export const UNKNOWN = 'unknown';

/** Type of the text before the first delimiter (spec section 7). */
export const PREAMBLE = 'preamble';

/** The fetch line types (spec section 10), as the completion offers them. */
export const FETCH_TYPES = Object.freeze(['text', 'json', 'arrayBuffer', 'blob', 'bytes', 'js', 'css', 'plugin', 'wheel']);

const PERCENT = 37;

// spec: a delimiter line starts at column 1 with %%; more % may follow, and the blank after
// them is optional; the first word (split on spaces and tabs) is the chunk type.
const DELIMITER = /^%%+[ \t]*([^ \t]*)/;

/** Whether `line` (one line of text, without its "\n") is a delimiter line. */
export function isDelimiterLine(line) {
  return line.charCodeAt(0) === PERCENT && line.charCodeAt(1) === PERCENT;
}

/**
 * The type word of a delimiter line, or null for a bare %% (spec section 5).
 * `line` must be a delimiter line; a trailing "\r" is ignored.
 */
export function delimiterWord(line) {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const word = DELIMITER.exec(text)[1];
  return word === '' ? null : word;
}

/** spec: the type word is matched ignoring case; any other word is an unknown type. */
export function chunkTypeOf(word) {
  const lower = word.toLowerCase();
  return CHUNK_TYPES.includes(lower) ? lower : UNKNOWN;
}

/**
 * The type a delimiter line gives its chunk. spec: a bare %% starts a chunk of the same type as
 * the chunk above; with no chunk above (or only the preamble) it is an unknown type.
 */
export function resolveChunkType(line, typeAbove) {
  const word = delimiterWord(line);
  if (word !== null) {
    return chunkTypeOf(word);
  }
  return typeAbove === null || typeAbove === PREAMBLE ? UNKNOWN : typeAbove;
}
