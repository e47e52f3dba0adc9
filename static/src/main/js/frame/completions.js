// Completion names for JavaScript from the eval frame's globals and their properties.
//
//   javascriptNames('document.bo', 200)  // ['document.body']

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Names of `token`'s object path: "docu" gives globals starting with "docu"; "document.bo" gives
 * "document.body". Only identifier paths are followed (nothing is evaluated); property reads that
 * throw end the walk with no names. At most `limit` names, own properties first, each prototype
 * level sorted; the frame's own `__jodide...` globals are left out.
 */
export function javascriptNames(token, limit, scope = globalThis) {
  const dot = token.lastIndexOf('.');
  const path = dot < 0 ? [] : token.slice(0, dot).split('.');
  const prefix = token.slice(dot + 1);
  let target = scope;
  for (const step of path) {
    if (!IDENTIFIER.test(step)) return [];
    try {
      target = target[step];
    } catch (failure) {
      return [];
    }
    if (target === null || target === undefined) return [];
  }
  const seen = new Set();
  const found = [];
  for (let holder = Object(target); holder && found.length < limit; holder = Object.getPrototypeOf(holder)) {
    const names = Object.getOwnPropertyNames(holder).sort();
    for (let index = 0; index < names.length && found.length < limit; index++) {
      const name = names[index];
      if (seen.has(name) || !name.startsWith(prefix) || !IDENTIFIER.test(name)) continue;
      if (path.length === 0 && name.startsWith('__jodide')) continue;
      seen.add(name);
      found.push(dot < 0 ? name : token.slice(0, dot + 1) + name);
    }
  }
  return found;
}

const NAME_TAIL = /[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/;
const WORD_HEAD = /^[\w$]*/;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'typeof', 'function', 'await', 'with']);

/**
 * The identifier path help is about: the callee of the call the cursor is in (`f` in `f(a, |`),
 * else the path the cursor is on or after (`Math.max` in `Math.m|ax`); null when there is none.
 * Strings, template literals and comments before the cursor are skipped.
 */
export function javascriptNameAt(before, after) {
  const text = before + WORD_HEAD.exec(after)[0];
  const callees = [];
  const stack = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + (text[i + 1] === '/' ? 0 : 1);
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && !(c !== '`' && text[j] === '\n')) j += text[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      const name = c === '(' ? NAME_TAIL.exec(text.slice(0, i).trimEnd()) : null;
      stack.push(name && !KEYWORDS.has(name[0]) ? name[0].replace(/\s+/g, '') : null);
    } else if ((c === ')' || c === ']' || c === '}') && stack.length > 0) {
      stack.pop();
    }
  }
  for (const name of stack) if (name) callees.push(name);
  if (callees.length > 0) return callees[callees.length - 1];
  const tail = NAME_TAIL.exec(text);
  return tail ? tail[0].replace(/\s+/g, '') : null;
}

/** A function's parameters as its source declares them ("a, b = 1"), or null for native code. */
function parametersOf(fn) {
  let source;
  try {
    source = Function.prototype.toString.call(fn);
  } catch (failure) {
    return null;
  }
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) return null;
  if (/^class\b/.test(source)) {
    const constructor = /\bconstructor\s*\(([^)]*)\)/.exec(source);
    return constructor ? constructor[1].trim() : '';
  }
  const arrow = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (arrow) return arrow[1];
  const open = source.indexOf('(');
  if (open < 0) return null;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i).replace(/\s+/g, ' ').trim();
  }
  return null;
}

/**
 * Help on the JavaScript name at the cursor, as Python's help shows it: a function's signature
 * (its declared parameters; a built-in's count), the type, and a data value's preview. Only the
 * identifier path is followed, by property reads (nothing is called); "" when it is not found.
 */
export function javascriptHelp(before, after, scope = globalThis, preview = String, typeName = (v) => typeof v) {
  const name = javascriptNameAt(before, after);
  if (!name) return '';
  let value = scope;
  const path = name.split('.');
  for (let index = 0; index < path.length; index++) {
    try {
      if (value === null || value === undefined || !(path[index] in Object(value))) return '';
      value = value[path[index]];
    } catch (failure) {
      return '';
    }
  }
  const lines = [];
  if (typeof value === 'function') {
    const parameters = parametersOf(value);
    lines.push(parameters === null
      ? `Signature: ${name}(…)   (built in: ${value.length} parameter${value.length === 1 ? '' : 's'} declared)`
      : `Signature: ${name}(${parameters})`);
  }
  lines.push(`Type:      ${typeName(value)}`);
  if (typeof value !== 'function') lines.push(`Value:     ${preview(value)}`);
  return lines.join('\n');
}
