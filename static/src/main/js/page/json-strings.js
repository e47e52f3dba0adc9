// The frame protocol's JSON strings done by the engine (org.jodide.core.protocol.JsonStrings, bound
// in org.jodide.ui.dom.EngineJsonStrings): TeaVM's Java strings are walked one character at a time
// by compiled loops, JSON.stringify / JSON.parse / join are native and fast.

/** value as a JSON string literal, quotes included. */
export function quoteJson(value) {
  return JSON.stringify(value);
}

/** The value of the JSON string literal json.slice(start, end), or null when it is not one. */
export function unquoteJson(json, start, end) {
  try {
    const value = JSON.parse(json.slice(start, end));
    return typeof value === 'string' ? value : null;
  } catch (e) {
    return null;
  }
}

/** The parts (an array of strings) one after the other. */
export function joinParts(parts) {
  return parts.join('');
}
