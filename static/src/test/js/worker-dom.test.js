import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameHost } from '../../main/js/frame/worker-dom/frame-host.js';
import { copyToWorkerByValue } from '../../main/js/frame/worker-dom/by-value.js';
import { createWorkerProxies } from '../../main/js/frame/worker-dom/worker-proxies.js';
import { chainKeys, createDescriber } from '../../main/js/frame/worker-dom/describer.js';
import { randomUUID, installRandomUUID } from '../../main/js/frame/worker-dom/random-uuid.js';
import { copyPythonValue } from '../../main/js/frame/python-values.js';
import { workerModePyodide, installJodideGlobal, setPythonOnServer } from '../../main/js/frame/jodide-global.js';

// A small DOM: enough prototypes to look like the real one to Pyodide's probes.
class Node {
  constructor(tag) { this.tagName = tag; this.children = []; this.textContent = ''; this.listeners = {}; }
  appendChild(child) { this.children.push(child); return child; }
  addEventListener(type, fn) { this.listeners[type] = fn; }
  click() { this.listeners.click?.({ type: 'click', target: this }); }
}
class Document {
  constructor() { this.body = new Node('BODY'); this._title = ''; }
  get title() { return this._title; }
  set title(value) { this._title = String(value); }
  createElement(tag) { return new Node(tag.toUpperCase()); }
}

/** Frame and worker wired directly: each frame call is synchronous, as coincident makes it. */
function connect(scope) {
  let worker;
  const host = createFrameHost({ scope, callWorker: (id, args) => worker.invokeCallback(id, args) });
  worker = createWorkerProxies(host.calls, { finalization: null });
  return { host, worker };
}

// What Pyodide's JsProxy_compute_typeflags does to every new JS object (pyodide.asm.mjs, 314).
function pyodideProbes(obj) {
  const hasMethod = (key) => { try { return typeof obj[key] === 'function'; } catch (e) { return false; } };
  const hasProperty = (key) => { let o = obj; while (o) { if (Object.hasOwn(o, key)) return true; o = Object.getPrototypeOf(o); } return false; };
  Object.prototype.toString.call(obj);
  ArrayBuffer.isView(obj); Array.isArray(obj);
  try { obj.constructor.name; } catch (e) { /* as Pyodide */ }
  hasProperty('length');
  for (const key of ['then', Symbol.iterator, Symbol.asyncIterator, 'next', 'get', 'set', 'has', 'includes',
    Symbol.dispose, Symbol.asyncDispose]) hasMethod(key);
  hasProperty('size'); hasProperty('name'); hasProperty('message'); hasProperty('stack');
}

test('reading document.title from the worker is one round trip per read, after one for document', () => {
  const document = new Document();
  document.title = 'report';
  const { host, worker } = connect({ document });
  const js = worker.jsGlobals({});
  const doc = js.document;
  assert.equal(host.roundTrips(), 1);
  pyodideProbes(doc);
  assert.equal(host.roundTrips(), 1, 'Pyodide\'s probes are answered from the descriptor');
  assert.equal(doc.title, 'report');
  assert.equal(host.roundTrips(), 2);
});

test('createElement then appendChild is two round trips, probes of the new element included', () => {
  const document = new Document();
  const { host, worker } = connect({ document });
  const doc = worker.jsGlobals({}).document;
  const body = doc.body;
  pyodideProbes(body);
  const before = host.roundTrips();
  const div = doc.createElement('div');
  pyodideProbes(div);
  div.textContent = 'hello';
  body.appendChild(div);
  assert.equal(host.roundTrips() - before, 3, 'createElement, the write, appendChild');
  assert.equal(document.body.children[0].textContent, 'hello');
  assert.equal(document.body.children[0].tagName, 'DIV');
  assert.equal(body.appendChild(div), div, 'the same frame object comes back as the same proxy');
});

test('a worker function given to addEventListener runs with the frame event when the frame calls it', () => {
  const document = new Document();
  const { worker } = connect({ document });
  const doc = worker.jsGlobals({}).document;
  const button = doc.createElement('button');
  const seen = [];
  button.addEventListener('click', (event) => seen.push([event.type, event.target.tagName]));
  doc.body.appendChild(button);
  // The frame clicks its own button (the worker holds it only by id); the listener is the worker's.
  document.body.children[0].click();
  assert.deepEqual(seen, [['click', 'BUTTON']]);
});

test('names the worker lacks come from the frame, read anew each time; its own stay its own', () => {
  const frame = { x: 1 };
  const { host, worker } = connect(frame);
  const own = { setTimeout() { return this; }, Array };
  const js = worker.jsGlobals(own);
  assert.equal(js.x, 1);
  frame.x = 2;
  assert.equal(js.x, 2);
  assert.equal(js.missing, undefined);
  assert.equal('missing' in js, false);
  assert.equal('x' in js, true);
  const trips = host.roundTrips();
  assert.equal(js.Array, Array);
  assert.equal(js.setTimeout(), own, 'worker functions are called with the worker global as this');
  assert.equal(host.roundTrips(), trips);
});

test('Pyodide\'s probes of the js module itself (then, get, __name__, ...) never reach the frame', () => {
  const { host, worker } = connect({ then: 'frame', get: 'frame', __name__: 'frame' });
  const js = worker.jsGlobals({});
  pyodideProbes(js);
  for (const name of ['__name__', '__loader__', '__package__', '__path__']) {
    assert.equal(js[name], undefined);
    assert.equal(name in js, false);
  }
  assert.equal(host.roundTrips(), 0);
});

test('fetch-chunk data crosses by value: a plain copy, no proxy and no further round trips', () => {
  const frame = { cities: copyToWorkerByValue([{ city: 'Oslo' }, { city: 'Lima' }], {}) };
  const scope = {};
  copyToWorkerByValue(frame.cities, scope);
  const { host, worker } = connect(Object.assign(scope, frame));
  const cities = worker.jsGlobals({}).cities;
  assert.deepEqual(cities, [{ city: 'Oslo' }, { city: 'Lima' }]);
  assert.equal(host.roundTrips(), 1);
});

test('frame objects the worker released are dropped by the frame on the next call', () => {
  const document = new Document();
  const { host } = connect({ document });
  host.calls.jodideDomGlobal('document', null);
  const held = host.held();
  host.calls.jodideDomGlobal('document', [1]);
  assert.equal(host.held(), held, 'released, then described again under a new id');
  assert.throws(() => host.calls.jodideDomGet(1, 'title', null), /released/);
});

test('a prototype chain is sent once; its methods and accessors are told apart', () => {
  const describer = createDescriber();
  const first = describer.describe(new Document(), 1);
  assert.ok(first.protoKeys.methods.includes('createElement'));
  assert.ok(first.protoKeys.props.includes('title'));
  assert.ok(first.protoKeys.methods.includes('hasOwnProperty'));
  assert.equal(describer.describe(new Document(), 2).protoKeys, undefined);
  assert.deepEqual(chainKeys(null), { methods: [], props: [] });
  const array = describer.describe([1, 2, 3], 3);
  assert.equal(array.array, true);
  assert.deepEqual(array.own, ['length']);
});

test('errors of the frame reach the worker as errors', () => {
  const frame = { fail() { throw new TypeError('no such node'); } };
  const { worker } = connect(frame);
  const js = worker.jsGlobals({});
  assert.throws(() => js.fail(), /no such node/);
});

test('randomUUID makes version 4 UUIDs from getRandomValues, and is installed only where missing', () => {
  const fake = { getRandomValues: (bytes) => bytes.fill(0xff) };
  assert.equal(randomUUID(fake), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  assert.equal(installRandomUUID(fake), true);
  assert.match(fake.randomUUID(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(installRandomUUID(fake), false);
});

test('copies of Python globals: buffers as typed arrays, others through toJs, proxies destroyed', () => {
  const destroyed = [];
  const proxy = (extra) => Object.assign({ destroy() { destroyed.push(this); } }, extra);
  const released = [];
  const samples = proxy({ getBuffer: () => ({ data: new Float64Array([1, 2]), release: () => released.push(1) }) });
  const names = proxy({ toJs: () => ['ada', 'grace'] });
  const values = new Map([['total', 42], ['samples', samples], ['names', names]]);
  const globals = { has: (name) => values.has(name), get: (name) => values.get(name) };
  assert.equal(copyPythonValue(globals, 'total'), 42);
  assert.deepEqual(copyPythonValue(globals, 'samples'), new Float64Array([1, 2]));
  assert.deepEqual(copyPythonValue(globals, 'names'), ['ada', 'grace']);
  assert.equal(released.length, 1);
  assert.equal(destroyed.length, 2);
  assert.throws(() => copyPythonValue(globals, 'nope'), /no global named "nope"/);
});

test('in worker mode pyodide.globals.get names its replacement; jodide.python.get is a promise', async () => {
  assert.throws(() => workerModePyodide().globals.get('x'), /await jodide\.python\.get\("name"\)/);
  assert.throws(() => workerModePyodide().globals.total, /pyodide\.globals\.total .*\?python=main/);
  assert.throws(() => workerModePyodide().pyimport('x'), /pyodide\.pyimport/);
  assert.equal(await workerModePyodide().loadPackage(['pandas']), undefined, 'packages load when a py chunk imports them');
  await assert.rejects(workerModePyodide().loadPackage(3), /a package name or an array of names/);
  const scope = {};
  installJodideGlobal(scope, (name) => `value of ${name}`);
  assert.equal(await scope.jodide.python.get('x'), 'value of x');
});

test('while Python runs on a Jupyter server, jodide.python.get reads the server\'s copy, whichever bundle installed it', async () => {
  const scope = {};
  installJodideGlobal(scope, (name) => `value of ${name}`);
  const asked = [];
  setPythonOnServer(scope, (name, read, failed) => {
    asked.push(name);
    if (name === 'gone') failed('Python has no global named "gone"');
    else read(JSON.stringify({ value: { name, big: { $jodide: 'int', digits: '9007199254740993' } } }));
  });
  assert.deepEqual(await scope.jodide.python.get('x'), { name: 'x', big: 9007199254740993n }, 'decoded (python-copies.js)');
  await assert.rejects(scope.jodide.python.get('gone'), (error) => error.message === 'Python has no global named "gone"');
  installJodideGlobal(scope, (name) => `again ${name}`);
  assert.equal((await scope.jodide.python.get('y')).name, 'y', 'a global installed later (a restarted Python) reads the server too');
  assert.deepEqual(asked, ['x', 'gone', 'y']);
  setPythonOnServer(scope, null);
  assert.equal(await scope.jodide.python.get('x'), 'again x', 'back in the browser');
  assert.deepEqual(Object.keys(scope), [], 'no string-named global for it');
});

test('jodide.python.get hands a large buffer over by transfer and small values with the answer', async () => {
  const { HANDOVER_MIN_BYTES, handOverLargeBuffer, takeHandedOver } = await import('../../main/js/frame/python-values.js');
  const received = new Map();
  const sent = [];
  // What crosses: the worker sends (id, view) first, transferring its memory, then answers.
  const send = (id, view) => {
    const moved = structuredClone(view, { transfer: [view.buffer] });
    sent.push(view);
    received.set(id, moved);
  };
  const large = new Uint8Array(HANDOVER_MIN_BYTES + 1).fill(7);
  const answer = handOverLargeBuffer(large, send);
  assert.equal(large.byteLength, 0, "the worker's copy was moved, not copied");
  const taken = takeHandedOver(answer, received);
  assert.equal(taken.byteLength, HANDOVER_MIN_BYTES + 1);
  assert.equal(taken[HANDOVER_MIN_BYTES], 7);
  assert.equal(received.size, 0);

  const small = new Float64Array([1.5, 2.5]);
  assert.equal(takeHandedOver(handOverLargeBuffer(small, send), received), small, 'a small buffer travels with the answer');
  assert.equal(takeHandedOver(handOverLargeBuffer('text', send), received), 'text');
  const lookalike = { handedOver: 1 };
  assert.equal(takeHandedOver(handOverLargeBuffer(lookalike, send), received), lookalike, 'a dict from Python is never taken for a handover');
  assert.throws(() => takeHandedOver([1, 99], received), /never arrived/);
  assert.equal(sent.length, 1);
});

test('beforeCall runs before every call into the frame (the worker posts its waiting messages there)', () => {
  const document = new Document();
  document.title = 'report';
  let before = 0;
  const host = createFrameHost({ scope: { document }, callWorker: () => {} });
  const worker = createWorkerProxies(host.calls, { finalization: null, beforeCall: () => { before += 1; } });
  const doc = worker.jsGlobals({}).document;
  assert.equal(doc.title, 'report');
  assert.equal(before, host.roundTrips());
  assert.equal(before, 2);
});
