// Worker side of worker-dom: proxies of the frame's objects for Pyodide, built from one descriptor
// per object (describer.js). What Pyodide probes when a JS object becomes a JsProxy (then,
// Symbol.iterator, next, length, size, get, set, has, includes, name, message, stack,
// constructor.name, Symbol.toStringTag, the prototype walk) is answered here without a round trip;
// reading a property, writing one, and each call are one round trip (a frame call through
// coincident). Methods of the prototype are bound locally: `document.createElement('div')` is one
// round trip, not two.
//
//   const remote = createWorkerProxies(frame);   // frame: { jodideDomGet(...), ... } (coincident's proxy)
//   const js = remote.jsGlobals(self);           // Pyodide's `js` module: the worker's globals, else the frame's
//   js.document.title = 'x';                     // 2 round trips: document, then the write

import { CALLBACK, FRAME_CALLS, MEMBER, MISSING, REF, VALUE } from './wire.js';

/** Names Pyodide probes on every new JsProxy: answered from the descriptor (absent unless listed). */
const PROBED = new Set(['then', 'next', 'get', 'set', 'has', 'includes', 'size', 'length', 'name', 'message',
  'stack', 'constructor', 'toJSON']);

/** Names Pyodide asks the `js` module for as a module (__name__, __path__, ...): never the frame's. */
const DUNDER = /^__.*__$/;

const EMPTY = Object.freeze({ methods: new Set(), props: new Set() });

export function createWorkerProxies(frame, { finalization = globalThis.FinalizationRegistry, beforeCall = () => {} } = {}) {
  const prototypes = new Map();
  const proxies = new Map();
  const idOf = new WeakMap();
  const memberOf = new WeakMap();
  const released = [];
  const callbacks = new Map();
  const callbackIds = new WeakMap();
  let nextCallbackId = 1;
  const finalizer = finalization ? new finalization((id) => {
    const ref = proxies.get(id);
    if (ref && !ref.deref()) {
      proxies.delete(id);
      released.push(id);
    }
  }) : null;

  /** Calls the frame: one round trip. Released ids ride along as the last argument. */
  function call(operation, ...args) {
    beforeCall();
    const gone = released.length ? released.splice(0) : null;
    return frame[FRAME_CALLS[operation]](...args, gone);
  }

  /** Worker objects that stand for "no particular this" (the js module, the worker's global). */
  const thisless = new WeakSet();

  function encode(value) {
    const type = typeof value;
    if (value === null || (type !== 'object' && type !== 'function')) return [VALUE, value];
    if (idOf.has(value)) return [REF, idOf.get(value)];
    if (thisless.has(value)) return [VALUE, undefined];
    if (memberOf.has(value)) return [MEMBER, memberOf.get(value)];
    if (type === 'function') {
      let id = callbackIds.get(value);
      if (!id) {
        id = nextCallbackId++;
        callbackIds.set(value, id);
        callbacks.set(id, value);
      }
      return [CALLBACK, id];
    }
    // A Python object (PyProxy) cannot be cloned: it goes as a copy, as to_js() would make it.
    if (typeof value.toJs === 'function') return [VALUE, value.toJs({ dict_converter: Object.fromEntries })];
    return [VALUE, value];
  }

  function decode(pair) {
    switch (pair[0]) {
      case VALUE: return pair[1];
      case REF: return proxyOf(pair[1]);
      case MISSING: return undefined;
      default: throw new Error(`worker-dom: unexpected value tag ${pair[0]} from the frame`);
    }
  }

  function keysOf(descriptor) {
    if (descriptor.protoKeys) {
      prototypes.set(descriptor.proto, {
        methods: new Set(descriptor.protoKeys.methods), props: new Set(descriptor.protoKeys.props),
      });
    }
    return prototypes.get(descriptor.proto) || EMPTY;
  }

  function proxyOf(descriptor) {
    const known = proxies.get(descriptor.id);
    const alive = known && known.deref();
    if (alive) return alive;
    const index = released.indexOf(descriptor.id);
    if (index >= 0) released.splice(index, 1);
    const proxy = makeProxy(descriptor);
    proxies.set(descriptor.id, new WeakRef(proxy));
    idOf.set(proxy, descriptor.id);
    if (finalizer) finalizer.register(proxy, descriptor.id);
    return proxy;
  }

  function iterator(items) {
    return function* iterate() {
      yield* items();
    };
  }

  function makeProxy(descriptor) {
    const { id } = descriptor;
    const inherited = keysOf(descriptor);
    const own = new Set(descriptor.own);
    const members = new Map();
    const target = descriptor.fn ? function remoteFunction() {} : (descriptor.array ? [] : {});
    const kind = (key) => {
      if (own.has(key)) return 'prop';
      if (inherited.methods.has(key)) return 'method';
      if (inherited.props.has(key)) return 'prop';
      return PROBED.has(key) ? 'absent' : 'unknown';
    };
    const member = (key) => {
      let fn = members.get(key);
      if (!fn) {
        fn = memberProxy(id, key, key === 'constructor' ? descriptor.ctor : key);
        members.set(key, fn);
      }
      return fn;
    };
    const iterate = iterator(() => call('items', id).map(decode));
    return new Proxy(target, {
      get(t, key) {
        if (typeof key === 'symbol') {
          if (key === Symbol.toStringTag) return descriptor.tag;
          if (key === Symbol.iterator) return descriptor.iter ? iterate : undefined;
          return undefined;
        }
        switch (kind(key)) {
          case 'method': return member(key);
          case 'absent': return undefined;
          default: return decode(call('get', id, key));
        }
      },
      has(t, key) {
        if (typeof key === 'symbol') return key === Symbol.iterator && descriptor.iter;
        switch (kind(key)) {
          case 'method':
          case 'prop': return true;
          case 'absent': return false;
          default: return call('has', id, key);
        }
      },
      set(t, key, value) {
        if (typeof key === 'symbol') return false;
        call('set', id, key, encode(value));
        if (kind(key) !== 'method') own.add(key);
        return true;
      },
      deleteProperty(t, key) {
        if (typeof key === 'symbol') return false;
        own.delete(key);
        return call('deleteProperty', id, key);
      },
      defineProperty(t, key, property) {
        if (typeof key === 'symbol' || !('value' in property)) return false;
        call('set', id, key, encode(property.value));
        own.add(key);
        return true;
      },
      getOwnPropertyDescriptor(t, key) {
        const fixed = Reflect.getOwnPropertyDescriptor(t, key);
        if (fixed && !fixed.configurable) return fixed;
        if (typeof key === 'symbol') return undefined;
        const k = kind(key);
        if (k === 'absent' || (k === 'unknown' && !call('has', id, key))) return undefined;
        return { value: undefined, writable: true, enumerable: own.has(key), configurable: true };
      },
      ownKeys(t) {
        const keys = new Set([...own, ...inherited.methods, ...inherited.props]);
        for (const key of Reflect.ownKeys(t)) {
          const fixed = Reflect.getOwnPropertyDescriptor(t, key);
          if (!fixed.configurable) keys.add(key);
        }
        return [...keys];
      },
      getPrototypeOf() {
        return null;
      },
      apply(t, thisArg, args) {
        return decode(call('call', id, null, encode(thisArg), args.map(encode)));
      },
      construct(t, args) {
        return decode(call('construct', [REF, id], args.map(encode)));
      },
    });
  }

  /** A method of frame object `id`, called in one round trip; never fetched on its own. */
  function memberProxy(id, key, name) {
    const target = function remoteMethod() {};
    const proxy = new Proxy(target, {
      get(t, property) {
        if (property === 'name') return name;
        if (property === Symbol.toStringTag) return 'Function';
        if (property === 'call') return (thisArg, ...args) => proxy.apply(thisArg, args);
        if (property === 'apply') return (thisArg, args) => decode(call('call', id, key, encode(thisArg), [...(args || [])].map(encode)));
        if (property === 'bind') return (thisArg, ...bound) => (...args) => proxy.apply(thisArg, [...bound, ...args]);
        return undefined;
      },
      has(t, property) {
        return property === 'name';
      },
      getPrototypeOf() {
        return null;
      },
      apply(t, thisArg, args) {
        return decode(call('call', id, key, encode(thisArg), args.map(encode)));
      },
      construct(t, args) {
        return decode(call('construct', [MEMBER, [id, key]], args.map(encode)));
      },
    });
    memberOf.set(proxy, [id, key]);
    return proxy;
  }

  /**
   * Pyodide's `js` module (loadPyodide's jsglobals): the worker's own globals first, then the
   * frame's window, read anew each time (a js chunk may have set it since); Pyodide's probe names
   * (PROBED) and dunder names are never looked up in the frame. The worker's global
   * functions are bound to it, since Pyodide calls them with the module as `this`.
   */
  function jsGlobals(scope) {
    // Pyodide probes the module like any JS object (then, next, get, ...) and as a module (__name__,
    // __path__, ...) when it loads: 15 round trips, none of which can name a frame global one imports.
    const frameGlobal = (key) => typeof key === 'string' && !PROBED.has(key) && !DUNDER.test(key);
    const bound = new Map();
    thisless.add(scope);
    const globals = new Proxy(scope, {
      get(t, key) {
        if (typeof key === 'symbol' || key in scope) {
          const value = Reflect.get(scope, key);
          if (typeof value !== 'function' || 'prototype' in value) return value;
          let fn = bound.get(key);
          if (!fn || fn.original !== value) {
            fn = value.bind(scope);
            fn.original = value;
            bound.set(key, fn);
          }
          return fn;
        }
        return frameGlobal(key) ? decode(call('global', key)) : undefined;
      },
      has(t, key) {
        return key in scope || (frameGlobal(key) && call('hasGlobal', key));
      },
    });
    thisless.add(globals);
    return globals;
  }

  return {
    jsGlobals,
    decode,
    encode,
    /** Runs worker callback `id` (a Python callable the frame holds) with the frame's arguments. */
    invokeCallback(id, args) {
      const fn = callbacks.get(id);
      if (!fn) throw new Error(`worker-dom: no worker callback ${id}`);
      fn(...args.map(decode));
    },
  };
}
