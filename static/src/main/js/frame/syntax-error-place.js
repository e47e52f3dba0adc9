// Where a js chunk's syntax error is. Eval's SyntaxError says what is wrong but not where: its stack
// is the caller's, and the place is only in the browser's devtools. acorn, which parses the chunk
// again, says where it stops.
//
//   syntaxErrorPlace('const a = 1;\nlet = ;')   // {line: 2, column: 5}

import { parseChunk } from './chunk-parse.js';

/**
 * The line and column (both from 1) at which `code` stops parsing as a script (awaits at its top
 * level allowed, as js chunks take them, and imports: past them, as a module), with acorn's message
 * for it (without its place), or null where acorn parses it (an error only the engine finds).
 */
export function syntaxErrorPlace(code) {
  const { error } = parseChunk(code, { locations: true });
  return error && error.loc ? { line: error.loc.line, column: error.loc.column + 1, message: error.message.replace(/ \(\d+:\d+\)$/, '') } : null;
}
