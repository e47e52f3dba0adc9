// Finds chunks in an EditorState by their delimiter lines: the chunk around a position, its
// type (following bare %% delimiters up), and where its body starts and ends.
// Positions are 0-based UTF-16 offsets into the document.

import { isDelimiterLine, delimiterWord, chunkTypeOf, PREAMBLE, UNKNOWN } from './iomd-syntax.js';

/** Whether `line` (a Line or a line block: {from, to}) of `doc` is a delimiter line. */
export function lineIsDelimiter(doc, line) {
  return isDelimiterLine(doc.sliceString(line.from, Math.min(line.to, line.from + 2)));
}

/** The delimiter line at or above line number `lineNumber` (1-based), or null. */
function delimiterAtOrAbove(doc, lineNumber) {
  for (let number = lineNumber; number >= 1; number--) {
    const line = doc.line(number);
    if (lineIsDelimiter(doc, line)) {
      return line;
    }
  }
  return null;
}

/** The type of the chunk whose delimiter is `delimiter` (a Line). */
function typeOf(doc, delimiter) {
  // spec: a bare %% starts a chunk of the same type as the chunk above, which may itself be
  // bare; with no typed chunk above it is an unknown type.
  for (let line = delimiter; line;) {
    const word = delimiterWord(doc.sliceString(line.from, line.to));
    if (word !== null) {
      return chunkTypeOf(word);
    }
    line = line.number > 1 ? delimiterAtOrAbove(doc, line.number - 1) : null;
  }
  return UNKNOWN;
}

/**
 * The chunk holding `pos`: {type, delimiter (a Line, or null in the preamble), bodyFrom, to}.
 * `to` is where the next delimiter line starts (or the document's end).
 */
export function chunkAt(state, pos) {
  const doc = state.doc;
  const here = doc.lineAt(pos);
  const delimiter = delimiterAtOrAbove(doc, here.number);
  const bodyFrom = delimiter ? Math.min(delimiter.to + 1, doc.length) : 0;
  return { type: delimiter ? typeOf(doc, delimiter) : PREAMBLE, delimiter, bodyFrom, to: chunkEnd(doc, here.number) };
}

/** Start of the next delimiter line below line number `lineNumber` (1-based), or the document's end. */
export function chunkEnd(doc, lineNumber) {
  for (let number = lineNumber + 1; number <= doc.lines; number++) {
    const line = doc.line(number);
    if (lineIsDelimiter(doc, line)) {
      return line.from;
    }
  }
  return doc.length;
}

