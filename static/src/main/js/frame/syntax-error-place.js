// Where a js chunk's syntax error is. Eval's SyntaxError says what is wrong but not where: its stack
// is the caller's, and the place is only in the browser's devtools. acorn, which parses the chunk
// again, says where it stops.
//
//   syntaxErrorPlace('const a = 1;\nlet = ;')   // {line: 2, column: 5}

import { parse } from 'acorn';

/**
 * The line and column (both from 1) at which `code` stops parsing as a script (awaits at its top
 * level allowed, as js chunks take them, and imports), with acorn's message for it (without its
 * place), or null where acorn parses it (an error only the engine finds).
 */
export function syntaxErrorPlace(code) {
  const error = parseError(code);
  return error && error.loc ? { line: error.loc.line, column: error.loc.column + 1, message: error.message.replace(/ \(\d+:\d+\)$/, '') } : null;
}

/**
 * acorn's SyntaxError for `code` as a script; when the script stops at an import or export (a js
 * chunk may import: top-level-await.js), the one past it, as a module, if there is one; null when
 * it parses.
 */
function parseError(code) {
  const errorAs = (sourceType) => {
    try {
      parse(code, { ecmaVersion: 'latest', sourceType, allowAwaitOutsideFunction: true, locations: true });
      return null;
    } catch (error) {
      return error instanceof SyntaxError ? error : null;
    }
  };
  const asScript = errorAs('script');
  if (asScript === null || !/'import' and 'export' may appear only/.test(asScript.message)) return asScript;
  return errorAs('module') ?? asScript;
}
