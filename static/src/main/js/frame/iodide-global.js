// Sets the eval frame's `iodide` global (Iodide's notebook API, iodide-api.js); what it writes
// goes into the element `place()` gives: the running chunk's output area in the report.
//
//   installIodideGlobal(() => currentArea, 'jodide');   // window.iodide.output.text('hi')

import { createIodideApi } from './iodide-api.js';
import { frameDataFiles } from './data-files.js';
import { valueRenderers } from './value-renderers.js';

/** Installs `scope.iodide`; returns true. `place()` is null before any chunk ran: writing then throws. */
export function installIodideGlobal(place, version, scope = globalThis) {
  scope.iodide = createIodideApi({
    document: scope.document,
    version,
    files: frameDataFiles,
    renderers: valueRenderers,
    currentOutputElement() {
      const area = place();
      if (!area) throw new Error('iodide.output writes where a chunk runs, and no chunk has run yet');
      return area;
    },
  });
  return true;
}
