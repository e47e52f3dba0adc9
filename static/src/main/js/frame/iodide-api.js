// The `iodide` global of the eval frame: the notebook API that Iodide notebooks call
// (iodide-project/iodide, src/eval-frame/iodide-api). What Jodide can do is provided; every
// other documented call throws an Error that names it, so an old notebook says clearly what
// does not work instead of failing on `undefined is not a function`.
//
//   import { createIodideApi } from './iodide-api.js';
//   window.iodide = createIodideApi({ document, currentOutputElement: () => area });
//   iodide.output.text('42 rows');                 // a line of text at the running chunk's place
//   const div = iodide.output.element('div');      // an element there, for the code to fill
//   await iodide.file.load('sales.csv', 'text');   // a data file the user added (Files in the toolbar)
//   await iodide.file.save(data, 'x.json');        // kept with the user's data files (Python's folder too)
//   iodide.file.lastUpdated('x.json');             // a Date: when the file was added or last saved
//   iodide.addOutputRenderer({ shouldRender, render });  // how js chunks' values show (value-renderers.js)
//
// `currentOutputElement()` is the frame's: the report element of the chunk that runs (it may
// throw when no chunk has run yet).

/** Marks an output that `iodide.output` wrote, for styling and tests. */
export const OUTPUT_CLASSES = Object.freeze({
  text: 'iodide-output-text',
  element: 'iodide-output-element',
});

/** Why a group of Iodide's calls has no Jodide equivalent, by namespace (spelled as in Iodide). */
const UNSUPPORTED = Object.freeze({
  environment: {
    calls: ['freeze', 'freezeRawString', 'clear', 'get', 'list'],
    reason: 'notebooks keep no environment variables; load data with a fetch chunk',
  },
  evalQueue: {
    calls: ['requireExplicitContinuation', 'continue'],
    reason: 'return a promise from the chunk instead: the run queue waits for it',
  },
});

/** Property names that callers probe without meaning the notebook API (await, JSON, printing). */
const PROBED = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString', 'inspect', 'nodeType', 'asymmetricMatch']);

/** The Error thrown for an Iodide call Jodide does not have. */
export function unsupported(call, reason) {
  return new Error(`${call} is not supported in Jodide${reason ? `: ${reason}` : ''}`);
}

function stub(call, reason) {
  return function unsupportedIodideCall() {
    throw unsupported(call, reason);
  };
}

/**
 * `target` with every unknown string property throwing a "not supported" Error naming
 * `prefix.name` (read as a value, it is not there: reading is already the mistake).
 */
function strict(target, prefix) {
  return new Proxy(Object.freeze(target), {
    get(object, name, receiver) {
      if (typeof name !== 'string' || name in object || PROBED.has(name)) {
        return Reflect.get(object, name, receiver);
      }
      throw unsupported(`${prefix}.${name}`, 'it is not part of the Iodide API that Jodide provides');
    },
  });
}

/**
 * Iodide's notebook API.
 *
 * @param {{document: Document, currentOutputElement: () => Element, version?: string, files?: object,
 *   renderers?: object}} frame
 *   `files`: the user's data files (data-files.js), which `iodide.file.load`, `exists` and `list` read;
 *   `renderers`: how values show (value-renderers.js), which `iodide.addOutputRenderer` adds to
 */
export function createIodideApi({ document, currentOutputElement, version = 'jodide', files = null, renderers = null }) {
  if (typeof currentOutputElement !== 'function') {
    throw new TypeError('createIodideApi needs a currentOutputElement() function');
  }
  const wrapper = (className) => {
    const div = document.createElement('div');
    div.className = className;
    currentOutputElement().append(div);
    return div;
  };
  const output = {
    /** Shows `text` (anything, as a string) as a line at the running chunk's place. */
    text(text) {
      // Iodide set innerHTML here; Jodide shows text as text (markup belongs to markdown chunks
      // or output.element), so a string never runs code by being printed.
      wrapper(OUTPUT_CLASSES.text).textContent = String(text);
    },
    /** Creates a `tagName` element at the running chunk's place and returns it, for the code to fill. */
    element(tagName) {
      const element = document.createElement(String(tagName));
      wrapper(OUTPUT_CLASSES.element).append(element);
      return element;
    },
  };
  const file = files ? {
    /** Iodide's load(fileName, loadType[, variableName]): a promise of the file as text, json, arrayBuffer or blob. */
    load: (name, loadType, variableName) => files.load(name, loadType).then((value) => {
      if (variableName) globalThis[variableName] = value;
      return value;
    }),
    exists: (name) => files.exists(name),
    list: () => files.list(),
    /** Iodide's save(data, fileName[, {overwrite}]): a promise, settled once the file is kept. */
    save: (data, name, options) => files.save(data, name, options),
    /** Iodide's delete(fileName): a promise, settled once the file is forgotten. */
    delete: (name) => files.delete(name),
    /** Iodide's lastUpdated(fileName): a Date, when the file was added or last saved; throws when there is none. */
    lastUpdated: (name) => files.lastUpdated(name),
  } : {};
  const top = renderers ? {
    /** Iodide's addOutputRenderer({shouldRender(value), render(value)}): the value shows as the HTML render gives. */
    addOutputRenderer: (renderer) => renderers.addRenderer(renderer),
    /** The same, as Iodide first named it (2018): addOutputHandler({shouldHandle(value), render(value)}). */
    addOutputHandler: (handler) => renderers.addHandler(handler),
    clearOutputRenderers: () => renderers.clear(),
  } : {};
  const namespaces = { '': top, output, file };
  for (const [namespace, { calls, reason }] of Object.entries(UNSUPPORTED)) {
    const holder = namespaces[namespace] ?? (namespaces[namespace] = {});
    for (const call of calls) {
      holder[call] = stub(namespace ? `iodide.${namespace}.${call}` : `iodide.${call}`, reason);
    }
  }
  // Iodide's evalQueue.await(promises) made the chunk wait for them: returning the promise does.
  namespaces.evalQueue.await = (promises) => Promise.all(promises);
  const api = namespaces[''];
  for (const [namespace, members] of Object.entries(namespaces)) {
    if (namespace) {
      api[namespace] = strict(members, `iodide.${namespace}`);
    }
  }
  /** Iodide's synchronous GET, kept for old notebooks: the response body of `url`. */
  api.getDataSync = (url) => {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.send(null);
    if (request.status < 200 || request.status >= 300) {
      throw new Error(`iodide.getDataSync: GET ${url} failed with HTTP ${request.status}`);
    }
    return request.response;
  };
  api.VERSION = version;
  return strict(api, 'iodide');
}
