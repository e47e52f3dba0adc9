// Top-level await and imports in js chunks. A chunk runs by indirect eval (js-evaluator.js), which
// refuses `await` outside a function and `import` declarations; a chunk that has either is rewritten
// to run as an async function with the meaning it would have as a chunk of its own (docs/interop.md,
// "Top-level await and imports"):
//   - `var` declarations anywhere outside functions, and function declarations at the chunk's top
//     level, become globals, as they do in any chunk (so later chunks see them);
//   - `let`, `const` and `class` stay the chunk's own, as they do in any chunk;
//   - the value of the last statement, when it is an expression, is the chunk's value;
//   - an `import` declaration is an awaited dynamic import whose bindings are globals (a chunk that
//     imports is rewritten so too), a relative specifier resolved against the page;
//   - every line stays where it was, so that error positions are still notebook lines.
//
//   asyncChunkSource('var rows = await load()\nrows.length');
//   // 'var rows; (async () => {void (rows = await load())\nreturn (rows.length)\n})()'
//
// How, the way browsers' consoles do it: acorn parses the chunk (allowing await at the top level),
// acorn-walk finds what needs to change outside functions, and the changes are made in the text
// (a `var` keyword becomes `void (`, a head's `var` goes, the names are declared before the wrapper).

import { base, recursive } from 'acorn-walk';
import { parseChunk } from './chunk-parse.js';

/** What the rewrite wraps the chunk in: the wrapper opens on the chunk's first line, and closes after its last. */
const OPEN = '(async () => {';
const CLOSE = '\n})()';

/** The names a declaration's pattern binds: `{a, b: [c, ...d]} = ...` binds a, c and d. */
function boundNames(pattern, names = []) {
  if (!pattern) return names;
  switch (pattern.type) {
    case 'Identifier': names.push(pattern.name); break;
    case 'ObjectPattern': for (const property of pattern.properties) boundNames(property.type === 'RestElement' ? property.argument : property.value, names); break;
    case 'ArrayPattern': for (const element of pattern.elements) boundNames(element, names); break;
    case 'RestElement': boundNames(pattern.argument, names); break;
    case 'AssignmentPattern': boundNames(pattern.left, names); break;
    default: break;
  }
  return names;
}

/**
 * Walks the chunk outside functions (their awaits and vars are their own; so are a class's static
 * blocks and field initializers), noting whether it awaits and where its `var` declarations are.
 */
const outsideFunctions = {
  Function() {},
  ImportDeclaration() {},
  StaticBlock() {},
  PropertyDefinition(node, found, walk) {
    if (node.computed) walk(node.key, found, 'Expression');
  },
  AwaitExpression(node, found, walk) {
    found.awaits = true;
    base.AwaitExpression(node, found, walk);
  },
  ForOfStatement(node, found, walk) {
    if (node.await) found.awaits = true;
    if (node.left.type === 'VariableDeclaration' && node.left.kind === 'var') found.heads.add(node.left);
    base.ForOfStatement(node, found, walk);
  },
  ForInStatement(node, found, walk) {
    if (node.left.type === 'VariableDeclaration' && node.left.kind === 'var') found.heads.add(node.left);
    base.ForInStatement(node, found, walk);
  },
  VariableDeclaration(node, found, walk) {
    if (node.kind === 'await using') found.awaits = true;
    if (node.kind === 'var') found.vars.push(node);
    base.VariableDeclaration(node, found, walk);
  },
};

/** The constructor of async functions, which parses a body without running it. */
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

/**
 * What to do with a chunk that eval refused with a SyntaxError: `{source}`, the chunk rewritten to
 * run with its top-level awaits; `{error}`, the SyntaxError to show for a chunk that mentions
 * `await` but cannot run so (the engine's for the chunk as an async function's body, which is
 * about what is wrong, not about an await that would be allowed); or null: eval's refusal is the
 * error to show.
 */
export function retryAwaiting(code, base = undefined) {
  const source = asyncChunkSource(code, base);
  if (source !== null) return { source };
  try {
    new AsyncFunction(code); // Parses the body; the function is never called.
  } catch (error) {
    return { error };
  }
  return null;
}

/**
 * An import declaration as the statement that stands for it in the rewritten chunk: its bindings
 * destructured from the module's promise (`import x, {a as b} from "m"` → `void ({default: x, a: b}
 * = await import("m"))`), which are globals (`names`); the declaration's line breaks kept after it.
 * A relative specifier is resolved against `base`: eval's code has no URL of its own to resolve it.
 */
function importStatement(declaration, code, base, names) {
  const specifier = declaration.source.value;
  const resolved = base && /^\.{0,2}\//.test(specifier) ? new URL(specifier, base).href : specifier;
  const attributes = declaration.attributes && declaration.attributes.length
    ? `, {with: {${declaration.attributes.map((a) => code.slice(a.start, a.end)).join(', ')}}}` : '';
  const loaded = `await import(${JSON.stringify(resolved)}${attributes})`;
  const namespace = declaration.specifiers.find((each) => each.type === 'ImportNamespaceSpecifier');
  const named = declaration.specifiers.filter((each) => each.type !== 'ImportNamespaceSpecifier').map((each) => {
    names.push(each.local.name);
    if (each.type === 'ImportDefaultSpecifier') return `default: ${each.local.name}`;
    const imported = each.imported.type === 'Identifier' ? each.imported.name : JSON.stringify(each.imported.value);
    return `${imported}: ${each.local.name}`;
  });
  let statement;
  if (namespace) {
    names.push(namespace.local.name);
    statement = `void (${namespace.local.name} = ${loaded}${named.length ? `, {${named.join(', ')}} = ${namespace.local.name}` : ''});`;
  } else {
    statement = named.length ? `void ({${named.join(', ')}} = ${loaded});` : `${loaded};`;
  }
  const lineBreaks = code.slice(declaration.start, declaration.end).split('\n').length - 1;
  return statement + '\n'.repeat(lineBreaks);
}

/**
 * The source of `code` rewritten to run by indirect eval with its top-level awaits (see above): an
 * expression whose value is the promise of the chunk's value. Its `import` declarations become
 * awaited dynamic imports whose bindings are globals, relative specifiers resolved against `base`
 * (the frame's base URL). Null when `code` does not parse, or awaits nowhere outside a function and
 * imports nothing.
 */
export function asyncChunkSource(code, base = undefined) {
  const { program } = parseChunk(code);
  if (program === null) return null;
  const found = { awaits: false, vars: [], heads: new Set() };
  recursive(program, found, outsideFunctions);
  const imports = program.body.filter((statement) => statement.type === 'ImportDeclaration');
  if (program.body.some((statement) => /^Export/.test(statement.type))) return null;
  if (!found.awaits && imports.length === 0) return null;

  const globals = new Set();
  const edits = []; // [at, length removed, text inserted]
  for (const declaration of imports) {
    const names = [];
    edits.push([declaration.start, declaration.end - declaration.start, importStatement(declaration, code, base, names)]);
    for (const name of names) globals.add(name);
  }
  for (const declaration of found.vars) {
    for (const declarator of declaration.declarations) {
      for (const name of boundNames(declarator.id)) globals.add(name);
    }
    if (found.heads.has(declaration)) {
      // for (var k in o) → for (k in o): a head's binding is a single target, assigned by the loop.
      edits.push([declaration.start, 'var'.length, '']);
    } else {
      // var a = 1, {b} = o → void (a = 1, {b} = o): assignments to the globals, in one expression.
      const last = declaration.declarations[declaration.declarations.length - 1];
      edits.push([declaration.start, 'var'.length, 'void ('], [last.end, 0, ')']);
    }
  }
  const functions = program.body.filter((statement) => statement.type === 'FunctionDeclaration');
  // Hoisted in the wrapper as in a chunk, and made globals before anything of the chunk runs.
  const publish = functions.map(({ id }) => `globalThis[${JSON.stringify(id.name)}] = ${id.name};`).join(' ');
  const last = program.body[program.body.length - 1];
  if (last && last.type === 'ExpressionStatement' && !last.directive) {
    edits.push([last.expression.start, 0, 'return ('], [last.expression.end, 0, ')']);
  }

  let body = code;
  for (const [at, removed, inserted] of edits.sort((a, b) => b[0] - a[0])) {
    body = body.slice(0, at) + inserted + body.slice(at + removed);
  }
  const declared = globals.size ? `var ${[...globals].join(', ')}; ` : '';
  return `${declared}${OPEN}${publish ? `${publish} ` : ''}${body}${CLOSE}`;
}
