// Offsets in code between the browser's and Java's strings (UTF-16 code units) and the Jupyter
// protocol, which counts Unicode code points since version 5.2: they differ after an emoji or any
// other character outside the Basic Multilingual Plane.

/** How many code points the first `utf16Index` code units of `text` hold. */
export function codePointOffset(text, utf16Index) {
  let points = 0;
  for (let i = 0; i < utf16Index && i < text.length; i += text.codePointAt(i) > 0xffff ? 2 : 1) points++;
  return points;
}

/** Where, in UTF-16 code units, the first `points` code points of `text` end. */
export function utf16Offset(text, points) {
  let index = 0;
  for (let n = 0; n < points && index < text.length; n++) index += text.codePointAt(index) > 0xffff ? 2 : 1;
  return index;
}
