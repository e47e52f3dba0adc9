// The eval frame's JavaScript runtime helpers (src/main/js/frame), in node with fakes for the
// frame's globals, fetch and DOM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callPlugin, describe, evaluateChunk, formatError, hasFunction, syntaxErrorText } from '../../main/js/frame/js-evaluator.js';
import { syntaxErrorPlace } from '../../main/js/frame/syntax-error-place.js';
import { createValueRenderers } from '../../main/js/frame/value-renderers.js';
import { javascriptHelp, javascriptNameAt, javascriptNames } from '../../main/js/frame/completions.js';
import { javascriptGlobals, previewOf, recordBaseline, typeOf } from '../../main/js/frame/workspace.js';
import { formatSize, loadFetchLine } from '../../main/js/frame/fetch-loader.js';
import { VALUE_CUT_MARKER, VALUE_TEXT_LENGTH } from '../../main/js/frame/value-text.js';
import { dataFiles } from '../../main/js/frame/data-files.js';
import { loadPluginSpec, missingFields } from '../../main/js/frame/plugin-spec.js';

function replies() {
  const heard = [];
  let settle;
  const settled = new Promise((resolve) => { settle = resolve; });
  return { heard, settled, reply: (...args) => { heard.push(args); settle(args); } };
}

test('describe shows values as the console does', () => {
  assert.equal(describe(undefined), null);
  assert.equal(describe(null), 'null');
  assert.equal(describe('hi'), '"hi"');
  assert.equal(describe(42), '42');
  assert.equal(describe(10n), '10');
  assert.equal(describe(function named() {}), '[Function: named]');
  assert.equal(describe({ a: [1, 2] }), '{"a":[1,2]}');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(describe(cyclic), '{"self":[Circular]}');
});

test('describe writes what JSON can write as JSON does', () => {
  const data = { city: 'Oslo', rain: [0.5, NaN, null, undefined], when: new Date(0), skip: undefined, method() {},
    nested: { deeper: { deepest: [true, false, 'x'] } } };
  assert.equal(describe(data), JSON.stringify(data));
  assert.equal(describe([1, undefined, () => 1, 'x']), JSON.stringify([1, undefined, () => 1, 'x']));
});

test('describe writes what JSON would write as {} by what it holds: Maps, Sets, RegExps, errors', () => {
  const map = new Map([['a', 1], [{ k: 2 }, [3]]]);
  map.set('self', map);
  assert.equal(describe(map), 'Map(3) {"a" => 1, {"k":2} => [3], "self" => [Circular]}');
  assert.equal(describe(new Set([1, 'x', new Set()])), 'Set(3) {1, "x", Set(0) {}}');
  assert.equal(describe({ pattern: /a+/g, error: new RangeError('too far') }), '{"pattern":/a+/g,"error":RangeError: too far}');
  assert.equal(describe([new WeakMap(), new WeakSet(), Promise.resolve(1)]), '[WeakMap {…},WeakSet {…},Promise {…}]');
  const pythonObject = { get [Symbol.toStringTag]() { return 'PyProxy'; }, toString: () => '<__main__.P object at 0x1>' };
  Object.defineProperty(pythonObject, 'toString', { enumerable: false });
  assert.equal(describe(pythonObject), '<__main__.P object at 0x1>', 'a Python object reads as Python\'s str of it');
  const big = describe(new Set(Array.from({ length: 1_000_000 }, (_, i) => i)));
  assert.ok(big.startsWith('Set(1000000) {0, 1, 2, ') && big.endsWith(VALUE_CUT_MARKER), big.slice(0, 40));
});

test('describe writes a huge value only as far as the console shows it, and says it is cut', () => {
  const typed = describe(new Float64Array(10_000_000));
  const array = describe(new Array(10_000_000).fill(7));
  const nested = describe({ rows: new Array(1_000_000).fill({ a: 1 }) });
  const text = describe({ text: 'x'.repeat(50_000_000) });
  const string = describe('y'.repeat(50_000_000));
  for (const shown of [typed, array, nested, text, string]) {
    assert.equal(shown.length, VALUE_TEXT_LENGTH + VALUE_CUT_MARKER.length);
    assert.ok(shown.endsWith(VALUE_CUT_MARKER));
  }
  assert.ok(typed.startsWith('Float64Array(10000000) [0,0,0,'), typed.slice(0, 40));
  assert.ok(array.startsWith('[7,7,7,'), array.slice(0, 40));
  assert.ok(nested.startsWith('{"rows":[{"a":1},{"a":1},'), nested.slice(0, 40));
  assert.ok(string.startsWith('"yyy'), string.slice(0, 10));
  assert.equal(describe([1, 2, 3]), '[1,2,3]', 'a short value is not cut');
  const listLike = { toJSON: () => new Array(10_000_000).fill(0) };
  assert.ok(describe(listLike).endsWith(VALUE_CUT_MARKER), 'what toJSON gives is cut as well');
  assert.equal(describe({ when: new Date(0), self: { toJSON() { return this; }, n: 1 } }), '{"when":"1970-01-01T00:00:00.000Z","self":{"n":1}}');
  // An array of 10^15 elements that counts the ones read: only those shown are read.
  let reads = 0;
  const isIndex = (key) => typeof key === 'string' && /^\d+$/.test(key);
  const endless = new Proxy([], {
    get(target, key) {
      if (key === 'length') return 1e15;
      if (!isIndex(key)) return Reflect.get(target, key);
      reads++;
      return 1;
    },
  });
  assert.ok(describe(endless).endsWith(VALUE_CUT_MARKER));
  assert.ok(reads <= VALUE_TEXT_LENGTH, `${reads} elements read`);
});

/** Values a notebook may hand back or throw that refuse every way of reading them. */
function hostileValues() {
  const withoutPrototype = Object.create(null);
  withoutPrototype.self = withoutPrototype;
  const refusing = new Proxy({}, {
    get() { throw new Error('no'); },
    getPrototypeOf() { throw new Error('no'); },
    ownKeys() { throw new Error('no'); },
  });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const refusingFunction = new Proxy(function f() {}, { get() { throw new Error('no'); } });
  return { withoutPrototype, refusing, revoked, refusingFunction };
}

test('describe and formatError never throw, whatever the value refuses', () => {
  const { withoutPrototype, refusing, revoked, refusingFunction } = hostileValues();
  assert.equal(describe(withoutPrototype), '{"self":[Circular]}');
  assert.equal(describe(refusing), '[object]');
  assert.equal(describe(revoked), '[object]');
  assert.equal(describe(refusingFunction), '[object]');
  assert.equal(formatError(withoutPrototype, 'js-chunk-at-line-1.js', 'js chunk at line 1'), 'Uncaught {"self":[Circular]}');
  assert.equal(formatError(refusing, null, null), 'Uncaught [object]');
  assert.equal(formatError(revoked, null, null), 'Uncaught [object]');
});

test('formatError reads what was thrown as thrownText does: an error by its name, a string as it is, any other value as its JSON', () => {
  assert.equal(formatError(new TypeError('x is not a function'), null, null), 'TypeError: x is not a function');
  assert.equal(formatError('boom', null, null), 'Uncaught boom');
  assert.equal(formatError({ code: 5 }, null, null), 'Uncaught {"code":5}');
  assert.equal(formatError([1, 2], null, null), 'Uncaught [1,2]');
  assert.equal(formatError(undefined, null, null), 'Uncaught undefined');
  assert.equal(formatError(null, null, null), 'Uncaught null');
});

test('a chunk whose value or exception refuses to be read still replies', async () => {
  const replies = [];
  const reply = (...args) => replies.push(args);
  globalThis.hostileForTest = hostileValues();
  evaluateChunk('hostileForTest.withoutPrototype', 0, 'a.js', 'a', reply);
  evaluateChunk('throw hostileForTest.withoutPrototype', 0, 'b.js', 'b', reply);
  evaluateChunk('Promise.reject(hostileForTest.refusing)', 0, 'c.js', 'c', reply);
  evaluateChunk('hostileForTest.revoked', 0, 'd.js', 'd', reply);
  await new Promise((resolve) => setTimeout(resolve, 0));
  delete globalThis.hostileForTest;
  assert.deepEqual(replies.map(([value, error]) => [value, error]), [
    ['{"self":[Circular]}', null],
    [null, 'Uncaught {"self":[Circular]}'],
    ['[object]', null],
    [null, 'Uncaught [object]'], // the rejected promise's, a task later
  ]);
});

test('formatError keeps only the chunk\'s own stack lines, as notebook lines', () => {
  const thrown = new TypeError('x is not a function');
  thrown.stack = 'TypeError: x is not a function\n    at go (js-chunk-at-line-3.js:5:7)\n    at other (frame.js:1:1)';
  assert.equal(formatError(thrown, 'js-chunk-at-line-3.js', 'js chunk at line 3'),
    'TypeError: x is not a function\n    at js chunk at line 3, notebook line 5, column 7');
  assert.equal(formatError('plain', null, null), 'Uncaught plain');
});

test('evaluateChunk gives the last expression\'s value and counts lines from the notebook', () => {
  const { heard, reply } = replies();
  const seen = [];
  evaluateChunk('6*7', 2, 'chunk.js', 'js chunk', reply, { evaluate: (source) => { seen.push(source); return 42; } });
  assert.deepEqual(heard, [['42', null, null, null]]);
  assert.equal(seen[0], '\n\n6*7\n//# sourceURL=chunk.js');
});

test('evaluateChunk reports a thrown error and awaits a returned promise', async () => {
  const thrown = replies();
  evaluateChunk('boom', 0, 'chunk.js', 'js chunk', thrown.reply, { evaluate: () => { throw new RangeError('too deep'); } });
  assert.deepEqual(thrown.heard, [[null, 'RangeError: too deep', null, null]]);

  const awaited = replies();
  evaluateChunk('later', 0, 'chunk.js', 'js chunk', awaited.reply, { evaluate: () => Promise.resolve('done') });
  assert.deepEqual(await awaited.settled, ['"done"', null, null, null]);

  const rejected = replies();
  evaluateChunk('later', 0, 'chunk.js', 'js chunk', rejected.reply, { evaluate: () => Promise.reject(new Error('no')) });
  assert.deepEqual(await rejected.settled, [null, 'Error: no', null, null]);
});

test('a syntax error says where it is in the notebook, which eval\'s own error does not', async () => {
  const run = (code, firstLine) => new Promise((done) => evaluateChunk(code, firstLine, 'chunk.js', 'js chunk at line 7',
    (value, error) => done(error)));
  assert.equal(await run('const rows = [1, 2];\nrows.map((row) => row * 2;', 7),
    'SyntaxError: missing ) after argument list\n    at js chunk at line 7, notebook line 9, column 26');
  assert.match(await run('let total = 0;\nlet total = 1;', 7), /^SyntaxError: Identifier 'total' has already been declared\n {4}at js chunk at line 7, notebook line 9, column 5$/);
  assert.match(await run('x = (', 0), /^SyntaxError: Unexpected end of input\n {4}at js chunk at line 7, notebook line 1, column 6$/);
  assert.equal(syntaxErrorPlace('fine()'), null, 'where acorn parses the code there is no place to give');
  assert.equal(syntaxErrorText(new SyntaxError('odd'), null, 7, 'js chunk at line 7'), 'SyntaxError: odd');
});

test('an error in a function an earlier chunk defined names that chunk\'s line too', async () => {
  const run = (code, firstLine) => new Promise((done) => evaluateChunk(code, firstLine,
    `js-chunk-at-line-${firstLine}.js`, `js chunk at line ${firstLine}`, (value, error) => done(error)));
  assert.equal(await run('function jodideTestFailing() {\n  return null.property;\n}', 1), null);
  const error = await run('const a = 1;\njodideTestFailing()', 5);
  assert.match(error, /^TypeError: Cannot read properties of null \(reading 'property'\)\n {4}at js chunk at line 1, notebook line 3, column \d+\n {4}at js chunk at line 5, notebook line 7, column 1$/);
});

test('evaluateChunk by default evaluates in the global scope', () => {
  const { heard, reply } = replies();
  evaluateChunk('var jodideTestGlobal = 5; jodideTestGlobal + 1', 0, 'chunk.js', 'js chunk', reply);
  assert.deepEqual(heard, [['6', null, null, null]]);
  assert.equal(globalThis.jodideTestGlobal, 5);
  delete globalThis.jodideTestGlobal;
});

test('a value with a rich form is shown as HTML instead of returned, and what failed rendering it is said', async () => {
  const renderers = createValueRenderers();
  renderers.addRenderer({ shouldRender: (v) => Array.isArray(v), render: (v) => `<ul>${v.map((x) => `<li>${x}</li>`).join('')}</ul>` });
  const { heard, reply } = replies();
  evaluateChunk('[1, 2]', 0, 'chunk.js', 'js chunk', reply, { evaluate: () => [1, 2], renderers });
  assert.deepEqual(heard, [[null, null, '<ul><li>1</li><li>2</li></ul>', null]]);
  const awaited = replies();
  evaluateChunk('p', 0, 'chunk.js', 'js chunk', awaited.reply, { evaluate: () => Promise.resolve({ iodideRender: () => '<b>later</b>' }), renderers });
  assert.deepEqual(await awaited.settled, [null, null, '<b>later</b>', null]);
  renderers.addHandler({ shouldHandle: (v) => v === 7, render: () => { throw new Error('no seven'); } });
  const failed = replies();
  evaluateChunk('7', 0, 'chunk.js', 'js chunk', failed.reply, { evaluate: () => 7, renderers });
  assert.deepEqual(failed.heard, [['7', null, null, 'Output renderer 2 failed: Error: no seven']]);
});

test('the iodide global as a chunk\'s value shows as its description, with no problem said', async () => {
  const { createIodideApi } = await import('../../main/js/frame/iodide-api.js');
  const api = createIodideApi({ document: {}, currentOutputElement: () => null });
  const { heard, reply } = replies();
  evaluateChunk('iodide', 0, 'chunk.js', 'js chunk', reply, { evaluate: () => api, renderers: createValueRenderers() });
  assert.deepEqual(heard, [['{"output":{},"file":{},"environment":{},"evalQueue":{},"VERSION":"jodide"}', null, null, null]]);
});

test('plugins are called through their global object, sync or async', async () => {
  const scope = { lua: { run: (code) => `ran ${code}`, runAsync: async (code) => `awaited ${code}`,
    broken: () => { throw new Error('bad plugin'); } } };
  assert.equal(hasFunction('lua', 'run', scope), true);
  assert.equal(hasFunction('lua', 'missing', scope), false);
  assert.equal(hasFunction('nothing', 'run', scope), false);
  const sync = replies();
  callPlugin('lua', 'run', 'x', sync.reply, { scope });
  assert.deepEqual(sync.heard, [['"ran x"', null, null, null]]);
  const later = replies();
  callPlugin('lua', 'runAsync', 'y', later.reply, { scope });
  assert.deepEqual(await later.settled, ['"awaited y"', null, null, null]);
  const failing = replies();
  callPlugin('lua', 'broken', 'z', failing.reply, { scope });
  assert.deepEqual(failing.heard, [[null, 'Error: bad plugin', null, null]]);
});

test('javascriptNames follows identifier paths and skips the frame\'s own globals', () => {
  const scope = { document: { body: 1, bodyText: 2, head: 3 }, docs: 1, __jodideBaseline: 1, get trap() { throw new Error('no'); } };
  assert.deepEqual(javascriptNames('docu', 10, scope), ['document']);
  assert.deepEqual(javascriptNames('document.bo', 10, scope), ['document.body', 'document.bodyText']);
  assert.deepEqual(javascriptNames('__jo', 10, scope), []);
  assert.deepEqual(javascriptNames('trap.x', 10, scope), []);
  assert.deepEqual(javascriptNames('a-b.c', 10, scope), []);
  assert.equal(javascriptNames('', 2, scope).length, 2);
});

test('the workspace lists the globals that appeared after the baseline, sorted, with types and previews', () => {
  const scope = { frameOwn: 1 };
  recordBaseline(scope);
  scope.rows = [1, 2, 3];
  scope.label = 'cities';
  scope.pyodide = {};
  assert.deepEqual(javascriptGlobals(scope), [
    { name: 'label', type: 'string', preview: '"cities"' },
    { name: 'rows', type: 'Array', preview: '[1,2,3]' },
  ]);
  assert.equal(typeOf(null), 'null');
  assert.equal(previewOf('x'.repeat(200)).length, 100);
  assert.ok(previewOf('x'.repeat(200)).endsWith('...'));
});

test('the workspace lists globals that refuse to be read beside the others', () => {
  const scope = {};
  recordBaseline(scope);
  const { withoutPrototype, refusing, revoked } = hostileValues();
  Object.assign(scope, { a: withoutPrototype, b: refusing, c: revoked, d: 1 });
  assert.deepEqual(javascriptGlobals(scope), [
    { name: 'a', type: 'object', preview: '{"self":[Circular]}' },
    { name: 'b', type: 'object', preview: '[object]' },
    { name: 'c', type: 'object', preview: '[object]' },
    { name: 'd', type: 'number', preview: '1' },
  ]);
});

test('previews read like JSON and build only what they show', () => {
  assert.equal(previewOf({ city: 'Oslo', rows: [1, 2, { a: null }], ok: true }), '{"city":"Oslo","rows":[1,2,{"a":null}],"ok":true}');
  assert.equal(previewOf([1, undefined, 'x']), '[1,null,"x"]');
  assert.equal(previewOf(new Date(0)), '"1970-01-01T00:00:00.000Z"');
  const cycle = { name: 'c' };
  cycle.self = cycle;
  assert.equal(previewOf(cycle), '{"name":"c","self":[Circular]}');
  assert.equal(previewOf(new Float64Array([1.5, 2])), 'Float64Array(2) [1.5,2]');
  // A huge array is not serialized: a getter past the first elements would throw if it were read.
  const huge = new Array(10_000_000).fill(7);
  Object.defineProperty(huge, 5000, { get() { throw new Error('read too far'); } });
  const text = previewOf(huge);
  assert.equal(text.length, 100);
  assert.ok(text.startsWith('[7,7,7') && text.endsWith('...'), text);
  assert.equal(previewOf(new Float64Array(10_000_000)).length, 100);
  assert.equal(previewOf({ deep: { er: { est: { x: 1 } } } }), '{"deep":{"er":{"est":{…}}}}');
});

test('formatSize says bytes, KB and MB', () => {
  assert.equal(formatSize(512), '512 bytes');
  assert.equal(formatSize(2048), '2.0 KB');
  assert.equal(formatSize(3 * 1048576), '3.0 MB');
});

function fakeFetch(responses) {
  return (url) => {
    const answer = responses[url];
    if (answer === undefined) return Promise.reject(new Error('offline'));
    return Promise.resolve({
      ok: answer.status === 200, status: answer.status, statusText: answer.statusText || '',
      text: () => Promise.resolve(answer.body),
      json: () => Promise.resolve(JSON.parse(answer.body)),
      arrayBuffer: () => Promise.resolve(new TextEncoder().encode(answer.body).buffer),
    });
  };
}

test('a json fetch line sets a global; bad JSON, HTTP errors and network errors fail with a reason', async () => {
  const fetch = fakeFetch({ 'ok.json': { status: 200, body: '{"a":1}' }, 'bad.json': { status: 200, body: '{' },
    'gone.json': { status: 404, statusText: 'Not Found' } });
  const scope = {};
  const load = (url) => new Promise((resolve) => loadFetchLine('JSON', 'data', url, (...args) => resolve(args), { fetch, scope }));
  assert.deepEqual(await load('ok.json'), [null, '7 bytes']);
  assert.deepEqual(scope.data, { a: 1 });
  assert.match((await load('bad.json'))[0], /^bad JSON in bad\.json: /);
  assert.deepEqual(await load('gone.json'), ['HTTP 404 Not Found for gone.json', '']);
  assert.deepEqual(await load('missing.json'), ['network error loading missing.json: offline', '']);
  const bytes = await new Promise((resolve) => loadFetchLine('BYTES', 'raw', 'ok.json', (...args) => resolve(args), { fetch, scope }));
  assert.deepEqual(bytes, [null, '7 bytes']);
  assert.ok(scope.raw instanceof Uint8Array);
});

test('a data line written files/NAME loads the data file NAME when there is one, else its URL', async () => {
  const fetch = fakeFetch({ 'https://site/files/a.csv': { status: 200, body: 'from the site' } });
  const files = dataFiles();
  files.put('a.csv', new TextEncoder().encode('x,y\n').buffer, '2026-12-03T06:00:00.000Z');
  const scope = {};
  const load = (dataFile) => new Promise((resolve) => loadFetchLine('TEXT', 'table', 'https://site/files/a.csv',
    (...args) => resolve(args), { fetch, scope, dataFile, dataFiles: files }));
  assert.deepEqual(await load('a.csv'), [null, '4 bytes, the data file added in this browser']);
  assert.equal(scope.table, 'x,y\n');
  files.remove('a.csv');
  assert.deepEqual(await load('a.csv'), [null, '13 bytes']);
  assert.equal(scope.table, 'from the site');
});

test('iodide.file.save keeps text, bytes or JSON through the editor, and refuses to replace unless told', async () => {
  const files = dataFiles();
  await assert.rejects(files.save('x', 'a.txt'), { message: 'iodide.file.save: this page keeps no data files' });
  const asked = [];
  files.connect({
    save(name, base64, overwrite, done) {
      asked.push([name, atob(base64), overwrite]);
      if (name === 'full.bin') done('the browser storage is full');
      else { files.put(name, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer, new Date().toISOString()); done(null); }
    },
    delete(name, done) {
      asked.push(['delete', name]);
      files.remove(name);
      done(null);
    },
  });
  await files.save('héllo', 'a.txt');
  await files.save(Uint8Array.of(1, 2, 255).subarray(1), 'b.bin');
  await files.save({ rows: [1, 2] }, 'c.json');
  await files.save(new Blob(['blob']), 'd.txt');
  assert.deepEqual(asked, [['a.txt', 'h\u00c3\u00a9llo', false], ['b.bin', '\u0002\u00ff', false],
    ['c.json', '{"rows":[1,2]}', false], ['d.txt', 'blob', false]]);
  assert.equal(await files.load('a.txt', 'text'), 'héllo');
  await assert.rejects(files.save('again', 'a.txt'), { message: /^iodide\.file\.save: a data file "a\.txt" is kept already: give \{ overwrite: true \}/ });
  await files.save('again', 'a.txt', { overwrite: true });
  assert.equal(await files.load('a.txt', 'text'), 'again');
  await assert.rejects(files.save(1, 'full.bin'), { message: 'iodide.file.save: the browser storage is full' });
  await assert.rejects(files.save(undefined, 'u.json'), { message: /undefined cannot be kept/ });
  await files.delete('a.txt');
  assert.equal(files.exists('a.txt'), false);
  await assert.rejects(files.delete('a.txt'), { message: /^iodide\.file\.delete: there is no data file "a\.txt"/ });
});

/** A document whose head records the links added; `refuse(link)` says which fail to load. */
function fakeHead(refuse) {
  const added = [];
  const document = {
    createElement: () => {
      const attributes = {};
      return { attributes, setAttribute: (name, value) => { attributes[name] = value; }, remove() { this.removed = true; } };
    },
    head: {
      appendChild(link) {
        added.push(link);
        queueMicrotask(() => (refuse(link) ? link.onerror() : link.onload()));
      },
    },
  };
  return { document, added };
}

test('a css line loads its stylesheet with CORS, so that its rules can be exported, and without it where the server refuses', async () => {
  const load = (document) => new Promise((resolve) => loadFetchLine('CSS', '', 'https://other/x.css', (...args) => resolve(args), { document }));
  const open = fakeHead(() => false);
  assert.deepEqual(await load(open.document), [null, 'stylesheet applied']);
  assert.equal(open.added.length, 1);
  assert.equal(open.added[0].crossOrigin, 'anonymous');
  assert.equal(open.added[0].attributes['data-jodide-fetched'], 'readable');

  const noCors = fakeHead((link) => link.crossOrigin === 'anonymous');
  assert.deepEqual(await load(noCors.document), [null, 'stylesheet applied']);
  assert.deepEqual(noCors.added.map((link) => [link.crossOrigin, link.attributes['data-jodide-fetched'], Boolean(link.removed)]),
    [['anonymous', 'readable', true], [undefined, 'unreadable', false]]);

  const gone = fakeHead(() => true);
  assert.deepEqual(await load(gone.document), ['could not load https://other/x.css', '']);
  assert.equal(gone.added.length, 2);
});

test('a plugin JSON resolves its script against its own URL and names what it lacks', async () => {
  const fetch = fakeFetch({
    'https://site/plugins/lua.json': { status: 200, body: '{"languageId":"lua","url":"lua.js","module":"Lua","evaluator":"run"}' },
    'https://site/plugins/half.json': { status: 200, body: '{"languageId":"lua"}' },
  });
  const load = (url) => new Promise((resolve) => loadPluginSpec(url, (...args) => resolve(args), { fetch, baseUri: 'https://site/' }));
  assert.deepEqual(await load('https://site/plugins/lua.json'),
    [null, 'lua', 'https://site/plugins/lua.js', 'Lua', 'run', null]);
  assert.deepEqual(await load('https://site/plugins/half.json'),
    ['the plugin https://site/plugins/half.json lacks url, module, evaluator', null, null, null, null, null]);
  assert.deepEqual(missingFields({ languageId: '', url: 'u', module: 'm', evaluator: 'e' }), ['languageId']);
});

test('installIodideGlobal writes into the running chunk\'s area, and says so when no chunk has run', async () => {
  const { installIodideGlobal } = await import('../../main/js/frame/iodide-global.js');
  const area = { children: [], append(child) { this.children.push(child); } };
  const scope = { document: { createElement: (tag) => ({ tagName: tag, className: '', textContent: '' }) } };
  let current = null;
  assert.equal(installIodideGlobal(() => current, 'jodide', scope), true);
  assert.throws(() => scope.iodide.output.text('early'), /no chunk has run yet/);
  current = area;
  scope.iodide.output.text('hello');
  assert.equal(area.children[0].textContent, 'hello');
});

test('hashParameter reads one decoded setting of the frame URL\'s hash', async () => {
  const { hashParameter } = await import('../../main/js/frame/hash-parameters.js');
  const hash = '#theme=dark&packageIndex=https%3A%2F%2Fexample.org%2Fsimple%2F&packageTimeoutMs=5000';
  assert.equal(hashParameter('packageIndex', hash), 'https://example.org/simple/');
  assert.equal(hashParameter('packageTimeoutMs', hash), '5000');
  assert.equal(hashParameter('theme', hash), 'dark');
  assert.equal(hashParameter('missing', hash), null);
});

test('startEvalFrame puts the frame modules on window, then starts the Java main', async () => {
  const { startEvalFrame } = await import('../../main/js/frame/start-frame.js');
  const win = {};
  const started = [];
  const reportLibs = { sanitizeHtml() {}, sanitizeLiveOutputHtml() {}, renderMath() {}, renderAllMath() {}, renderIsolated() {},
    isolatedRoot() {}, snapshotReport() {}, anchorChunk() {}, followFragmentLinks() {}, openReportLinksOutside() {}, notForJava() {} };
  const watchUncaughtErrors = () => {};
  startEvalFrame([reportLibs, { runtime: true }, { watchUncaughtErrors }, { worker: true }, { pyodide: true },
    { page: true }, { main: (args) => started.push([args, { ...win }]) }], win);
  assert.equal(started.length, 1);
  const [[args, seen]] = started;
  assert.deepEqual(args, []);
  assert.deepEqual(Object.keys(seen.jodideReportLibs).sort(),
    ['anchorChunk', 'drawDiagramsIn', 'followFragmentLinks', 'isolatedRoot', 'openReportLinksOutside', 'renderAllMath', 'renderIsolated',
      'renderMath', 'sanitizeHtml', 'sanitizeLiveOutputHtml', 'snapshotReport']);
  assert.equal(seen.jodideUncaughtErrors.watchUncaughtErrors, watchUncaughtErrors);
  assert.deepEqual([seen.jodideFrameRuntime, seen.jodidePythonWorker, seen.jodidePyodideSupport, seen.jodidePageSupport],
    [{ runtime: true }, { worker: true }, { pyodide: true }, { page: true }], 'all on window before main ran');
});

test("startEvalFrame keeps the frame's settings as its URL's fragment had them; a handed frame's stay as its boot set them", async () => {
  const { startEvalFrame } = await import('../../main/js/frame/start-frame.js');
  const modules = () => [{}, {}, { watchUncaughtErrors() {} }, {}, {}, {}, { main() {} }];
  const served = { location: { hash: '#theme=dark&packageIndex=https%3A%2F%2Fpackages.example%2F' } };
  startEvalFrame(modules(), served);
  served.location.hash = '#fn-1';
  assert.equal(served.jodideFrameHash, '#theme=dark&packageIndex=https%3A%2F%2Fpackages.example%2F');
  const { hashParameter } = await import('../../main/js/frame/hash-parameters.js');
  assert.equal(hashParameter('packageIndex', served.jodideFrameHash), 'https://packages.example/');
  const handed = { jodideFrameHash: '#python=main', location: { hash: '' } };
  startEvalFrame(modules(), handed);
  assert.equal(handed.jodideFrameHash, '#python=main');
});

test("startEvalFrame has a handed frame's package fetches go to the editor page when it offered them", async () => {
  const { startEvalFrame } = await import('../../main/js/frame/start-frame.js');
  const reportLibs = { sanitizeHtml() {}, sanitizeLiveOutputHtml() {}, renderMath() {}, renderAllMath() {}, renderIsolated() {},
    isolatedRoot() {}, snapshotReport() {}, anchorChunk() {}, followFragmentLinks() {} };
  const wrapped = [];
  const pythonWorker = { fetchPackagesThroughPage: (scope, offer) => wrapped.push([scope, offer]) };
  const modules = (main) => [reportLibs, {}, { watchUncaughtErrors() {} }, pythonWorker, {}, {}, { main }];
  const offer = { port: {}, index: 'https://packages.example/' };
  const win = {};
  startEvalFrame(modules(() => assert.deepEqual(wrapped, [[win, offer]], 'before main')), win, offer);
  wrapped.length = 0;
  startEvalFrame(modules(() => {}), {});
  assert.deepEqual(wrapped, [], 'no offer, nothing wrapped');
});

test('javascriptNameAt finds the callee of the open call, else the path at the cursor', () => {
  assert.equal(javascriptNameAt('Math.max(1, ', ')'), 'Math.max');
  assert.equal(javascriptNameAt('x = Math.m', 'ax(1)'), 'Math.max');
  assert.equal(javascriptNameAt('f("(", `)`, /* ( */ g(1), ', ''), 'f');
  assert.equal(javascriptNameAt('if (ready', ''), 'ready');
  assert.equal(javascriptNameAt('1 + ', ''), null);
});

test('javascriptHelp shows signatures, types and previews, calling nothing', () => {
  let called = false;
  const scope = {
    area: (radius, digits = 2) => radius * digits,
    Shape: class { constructor(sides) { this.sides = sides; } },
    total: 42,
    single: x => x,
    get trap() { called = true; throw new Error('no'); },
    Math,
  };
  const help = (before, after = '') => javascriptHelp(before, after, scope, previewOf, typeOf);
  assert.equal(help('area('), 'Signature: area(radius, digits = 2)\nType:      function');
  assert.equal(help('new Shape('), 'Signature: Shape(sides)\nType:      function');
  assert.equal(help('single'), 'Signature: single(x)\nType:      function');
  assert.equal(help('total'), 'Type:      number\nValue:     42');
  assert.equal(help('Math.max('), 'Signature: Math.max(…)   (built in: 2 parameters declared)\nType:      function');
  assert.equal(help('nothing'), '');
  assert.equal(help('total.nothing.deeper'), '');
  assert.equal(help('trap'), '');
  assert.equal(called, true, 'a getter that throws gives no help');
});
