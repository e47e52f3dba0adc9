// A js chunk as acorn parses it, one rule for the rewrite of awaits and imports (top-level-await.js)
// and for saying where a syntax error is (syntax-error-place.js): a script that may await at its top
// level, as js chunks do, else a module (a chunk may import, and use import.meta).
//
//   parseChunk('import {a} from "./m.js"\na')   // {program: (the module), error: (the script's refusal of the import)}

import { parse } from 'acorn';

/** What a script says of a module's import or export declarations. */
const IMPORT_OR_EXPORT = /'import' and 'export' may appear only/;

function parsedAs(code, sourceType, locations) {
  try {
    return { program: parse(code, { ecmaVersion: 'latest', sourceType, allowAwaitOutsideFunction: true, locations }), error: null };
  } catch (error) {
    return { program: null, error: error instanceof SyntaxError ? error : null };
  }
}

/**
 * `program`: the chunk parsed as a script, else as a module, else null. `error`: acorn's SyntaxError
 * for it as a script (null when it parses), or, when the script stops at an import or export, the
 * one past it as a module, if there is one. `locations`: the nodes and errors carry lines and columns.
 */
export function parseChunk(code, { locations = false } = {}) {
  const script = parsedAs(code, 'script', locations);
  if (script.program) return script;
  const module = parsedAs(code, 'module', locations);
  const pastImports = script.error && IMPORT_OR_EXPORT.test(script.error.message) && module.error;
  return { program: module.program, error: pastImports ? module.error : script.error };
}
