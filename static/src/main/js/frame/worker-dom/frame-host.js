// Frame side of worker-dom: the frame objects the Python worker holds, by id, and the functions the
// worker calls synchronously through coincident (wire.js FRAME_CALLS), one round trip each.
//
//   const host = createFrameHost({ scope: window, callWorker: (id, args) => worker.proxy.jodideDomCallback(id, args) });
//   for (const [name, fn] of Object.entries(host.calls)) worker.proxy[name] = fn;
//   host.roundTrips()   // how many calls the worker made so far (the benchmark reads it)

import { createDescriber } from './describer.js';
import { byValueSet } from './by-value.js';
import { CALLBACK, FRAME_CALLS, MEMBER, MISSING, REF, VALUE } from './wire.js';

/**
 * @param scope       the frame's window (globals the worker falls back to)
 * @param callWorker  (callbackId, encodedArgs) => void: runs a worker callback (asynchronously)
 */
export function createFrameHost({ scope = globalThis, callWorker }) {
  const objects = new Map();
  const ids = new WeakMap();
  const callbacks = new Map();
  const describer = createDescriber();
  const byValue = byValueSet(scope);
  let nextId = 1;
  let roundTrips = 0;

  function encode(value) {
    const type = typeof value;
    if (value === null || (type !== 'object' && type !== 'function')) {
      return [VALUE, type === 'symbol' || type === 'bigint' ? String(value) : value];
    }
    if (byValue.has(value)) return [VALUE, value];
    let id = ids.get(value);
    if (id === undefined || !objects.has(id)) {
      id = nextId++;
      ids.set(value, id);
      objects.set(id, value);
    }
    return [REF, describer.describe(value, id)];
  }

  function object(id) {
    if (!objects.has(id)) throw new Error(`worker-dom: frame object ${id} was released`);
    return objects.get(id);
  }

  function callback(id) {
    let fn = callbacks.get(id);
    if (!fn) {
      fn = (...args) => { callWorker(id, args.map(encode)); };
      callbacks.set(id, fn);
    }
    return fn;
  }

  function decode(pair) {
    switch (pair[0]) {
      case VALUE: return pair[1];
      case REF: return object(pair[1]);
      case MEMBER: return object(pair[1][0])[pair[1][1]];
      case CALLBACK: return callback(pair[1]);
      default: throw new Error(`worker-dom: unknown value tag ${pair[0]}`);
    }
  }

  function release(released) {
    if (released) for (const id of released) objects.delete(id);
  }

  const handlers = {
    global: (name) => (name in scope ? encode(scope[name]) : [MISSING]),
    hasGlobal: (name) => name in scope,
    get: (id, key) => encode(object(id)[key]),
    set: (id, key, value) => { object(id)[key] = decode(value); return true; },
    has: (id, key) => key in object(id),
    deleteProperty: (id, key) => delete object(id)[key],
    call: (id, key, thisArg, args) => {
      const target = key === null ? object(id) : object(id)[key];
      return encode(Reflect.apply(target, decode(thisArg), args.map(decode)));
    },
    construct: (callee, args) => encode(Reflect.construct(decode(callee), args.map(decode))),
    keys: (id) => Object.keys(object(id)),
    items: (id) => Array.from(object(id), encode),
  };

  const calls = {};
  for (const [operation, name] of Object.entries(FRAME_CALLS)) {
    const handler = handlers[operation];
    calls[name] = (...args) => {
      roundTrips++;
      release(args.pop());
      return handler(...args);
    };
  }

  return {
    calls,
    roundTrips: () => roundTrips,
    /** How many frame objects the worker holds (for tests). */
    held: () => objects.size,
  };
}
