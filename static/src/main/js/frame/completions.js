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
