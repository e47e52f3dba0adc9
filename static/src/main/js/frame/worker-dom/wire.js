// How values cross between the Python worker and the eval frame (worker-dom). Each value is a pair:
//   [VALUE, v]          a primitive, or data copied by value (structured clone / coincident's encoder)
//   [REF, descriptor]   frame -> worker: a frame object the worker sees as a proxy (see describer.js)
//   [REF, id]           worker -> frame: a frame object the worker got earlier, back by its id
//   [MEMBER, [id, key]] worker -> frame: the method `key` of frame object `id` (never fetched on its own)
//   [CALLBACK, id]      worker -> frame: a worker function (a Python callable) the frame may call later
//   [MISSING]           frame -> worker: the frame's window has no such global

export const VALUE = 0;
export const REF = 1;
export const MEMBER = 2;
export const CALLBACK = 3;
export const MISSING = 4;

/** The names of the frame's functions the worker calls synchronously (one round trip each). */
export const FRAME_CALLS = Object.freeze({
  global: 'jodideDomGlobal',
  hasGlobal: 'jodideDomHasGlobal',
  get: 'jodideDomGet',
  set: 'jodideDomSet',
  has: 'jodideDomHas',
  deleteProperty: 'jodideDomDelete',
  call: 'jodideDomCall',
  construct: 'jodideDomConstruct',
  keys: 'jodideDomKeys',
  items: 'jodideDomItems',
});

/** Not worker-dom's: the frame's function by which jodide.python.get hands a large buffer over (transferred). */
export const TAKE_BUFFER_CALL = 'jodidePythonBuffer';

/** The names of the worker's functions the frame calls asynchronously. */
export const WORKER_CALLS = Object.freeze({
  callback: 'jodideDomCallback',
  pythonGet: 'jodidePythonGet',
});
