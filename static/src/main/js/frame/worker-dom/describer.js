// Frame side of worker-dom: one descriptor per frame object the worker gets, so the worker answers
// Pyodide's ~20 probes of a new proxy (then, Symbol.iterator, next, length, size, get, set, has,
// includes, name, message, stack, constructor.name, Symbol.toStringTag, the prototype walk) itself,
// without a round trip each. The keys of a prototype chain are sent once per prototype and cached by
// the worker under the prototype's id.
//
//   const describer = createDescriber();
//   describer.describe(document, 7)
//   // { id: 7, fn: false, tag: 'HTMLDocument', ctor: 'HTMLDocument', array: false, iter: false,
//   //   own: ['location'], proto: 3, protoKeys: { methods: ['createElement', ...], props: ['title', ...] } }
//   describer.describe(otherDocument, 8).protoKeys   // undefined: prototype 3 was sent already

const INDEX = /^(0|[1-9]\d*)$/;

function safely(read, fallback) {
  try {
    return read();
  } catch (e) {
    return fallback;
  }
}

/**
 * Splits the keys of a prototype chain: methods (data properties holding functions, which the
 * worker binds locally and calls in one round trip) and props (accessors and other values, read
 * with one round trip each).
 */
export function chainKeys(proto) {
  const methods = [];
  const props = [];
  const seen = new Set();
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const property = Object.getOwnPropertyDescriptor(p, key);
      if ('value' in property && typeof property.value === 'function') methods.push(key);
      else props.push(key);
    }
  }
  return { methods, props };
}

/** Own property names of `value`, without array indexes (read on demand). */
export function ownKeys(value) {
  const names = safely(() => Object.getOwnPropertyNames(value), []);
  const indexed = Array.isArray(value) || ArrayBuffer.isView(value);
  return indexed ? names.filter((name) => !INDEX.test(name)) : names;
}

export function createDescriber() {
  const protoIds = new WeakMap();
  let nextProtoId = 1;

  return {
    /** The descriptor of `value` (an object or function) known to the worker as `id`. */
    describe(value, id) {
      const fn = typeof value === 'function';
      const proto = safely(() => Object.getPrototypeOf(value), null);
      let protoId = 0;
      let protoKeys;
      if (proto) {
        protoId = protoIds.get(proto);
        if (!protoId) {
          protoId = nextProtoId++;
          protoIds.set(proto, protoId);
          protoKeys = chainKeys(proto);
        }
      }
      return {
        id,
        fn,
        name: fn ? safely(() => String(value.name), '') : undefined,
        tag: safely(() => Object.prototype.toString.call(value).slice(8, -1), 'Object'),
        ctor: safely(() => String(value.constructor.name), ''),
        array: Array.isArray(value),
        iter: safely(() => typeof value[Symbol.iterator] === 'function', false),
        own: ownKeys(value),
        proto: protoId,
        protoKeys,
      };
    },
  };
}
