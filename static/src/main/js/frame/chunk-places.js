// Where a JavaScript stack was in the notebook: its frames in the code of js chunks, console inputs
// and embedded cells, which run with a sourceURL naming them (js-chunk-at-line-3.js, SourceNames.asUrl)
// and padded so that their lines are notebook lines (a cell's own lines). The error of a run
// (js-evaluator.js) and an error nobody caught (uncaught-errors.js) list them the same way.
//
//   chunkPlaces('TypeError: x\n    at f (js-chunk-at-line-1.js:2:9)\n    at js-chunk-at-line-4.js:5:1')
//   // [{name: 'js chunk at line 1', line: '2', column: '9'}, {name: 'js chunk at line 4', line: '5', column: '1'}]

/** A chunk's script name (SourceNames.asUrl), its readable part captured, as a pattern's source. */
const CHUNK_NAME = String.raw`\b((?:js|py)-(?:chunk-at-line-\d+|console-input|cell-\d+))\.js`;
/** A stack line's place in a chunk: its name, line and column. */
const CHUNK_URL = new RegExp(String.raw`${CHUNK_NAME}:(\d+):(\d+)`);
/** A script URL naming a chunk. */
const CHUNK_SCRIPT = new RegExp(String.raw`${CHUNK_NAME}\b`);

/**
 * The places of `stack` (a stack's text) in chunks, innermost first: {name, line, column}. With
 * `own` ({url, name}), frames of the script at `own.url` are named `own.name`, whatever the URL.
 */
export function chunkPlaces(stack, own = null) {
  const places = [];
  for (const line of String(stack).split('\n')) {
    const ownPlace = own && line.indexOf(own.url) >= 0 ? /:(\d+):(\d+)\)?\s*$/.exec(line) : null;
    if (ownPlace) {
      places.push({ name: own.name, line: ownPlace[1], column: ownPlace[2] });
      continue;
    }
    const place = CHUNK_URL.exec(line);
    if (place) places.push({ name: place[1].replace(/-/g, ' '), line: place[2], column: place[3] });
  }
  return places;
}

/** The readable name of the chunk a script URL names ("js chunk at line 3"), or "" for any other URL. */
export function chunkNameOf(url) {
  const place = CHUNK_SCRIPT.exec(String(url));
  return place ? place[1].replace(/-/g, ' ') : '';
}

/** A place as a stack line: `    at js chunk at line 1, notebook line 2, column 9`. */
export function placeLine(place) {
  return `    at ${place.name}, notebook line ${place.line}, column ${place.column}`;
}

/** `text` followed by the places, a stack line each. */
export function withPlaces(text, places) {
  return text + places.map((place) => `\n${placeLine(place)}`).join('');
}
