// Text operations for long output done by the engine (org.jodide.ui.dom.EngineText): TeaVM's own
// String methods walk the characters in compiled Java loops and copy them on substring.

/** How many line feeds text holds. */
export function countLineFeeds(text) {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Where the first line feed at or after from is, or -1. */
export function lineFeedFrom(text, from) {
  return text.indexOf('\n', from);
}

/** Where the last line feed is, or -1. */
export function lastLineFeed(text) {
  return text.lastIndexOf('\n');
}

/** Whether text holds a carriage return or a backspace (which move the cursor back on its line). */
export function movesTheCursor(text) {
  return text.includes('\r') || text.includes('\b');
}

/** Whether text may hold a terminal escape sequence: an ESC or an 8-bit CSI (org.jodide.core.output.AnsiEscapes). */
export function mayHoldEscapes(text) {
  return text.includes('\x1b') || text.includes('\x9b');
}

/** Where the lines-th line feed is (1-based), or, with fewer, the last one's (-1 if none), and how many were counted: {at, counted}. */
export function nthLineFeed(text, lines) {
  let at = -1;
  let counted = 0;
  for (let i = text.indexOf('\n'); i >= 0 && counted < lines; i = text.indexOf('\n', i + 1)) {
    at = i;
    counted++;
  }
  return { at, counted };
}

/** text from index from up to (not including) to. */
export function slice(text, from, to) {
  return text.slice(from, to);
}
