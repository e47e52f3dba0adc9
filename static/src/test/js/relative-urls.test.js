// The Python worker's relative URLs (src/main/js/frame/relative-urls.js): resolved against the
// frame's base URL, as they would be in the frame, with node's own Request and a recording fetch
// and XMLHttpRequest in a fake worker scope whose own base (a blob: URL) cannot resolve them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRelativeUrls } from '../../main/js/frame/relative-urls.js';

const FRAME_BASE = 'https://notebooks.example/site/evalframe.html#settings';

function fakeWorkerScope() {
  const fetched = [];
  const opened = [];
  class XMLHttpRequest {
    open(method, url, async) {
      opened.push([method, url, async, this instanceof XMLHttpRequest]);
    }
  }
  const scope = {
    Request,
    XMLHttpRequest,
    fetch(input, init) {
      fetched.push([input instanceof Request ? `Request ${input.url}` : String(input), init, this]);
      return Promise.resolve('response');
    },
  };
  return { scope, fetched, opened };
}

test('fetch resolves a relative URL against the frame\'s base and leaves absolute ones', async () => {
  const { scope, fetched } = fakeWorkerScope();
  resolveRelativeUrls(scope, FRAME_BASE);
  const init = { method: 'POST' };
  assert.equal(await scope.fetch('data/rows.csv', init), 'response');
  await scope.fetch('/top.txt');
  await scope.fetch('https://elsewhere.example/a.json');
  await scope.fetch('blob:null/1234');
  await scope.fetch(new URL('https://elsewhere.example/b.json'));
  assert.deepEqual(fetched.map(([url]) => url), [
    'https://notebooks.example/site/data/rows.csv', 'https://notebooks.example/top.txt',
    'https://elsewhere.example/a.json', 'blob:null/1234', 'https://elsewhere.example/b.json',
  ]);
  assert.equal(fetched[0][1], init, 'the options pass as they are');
  assert.equal(fetched[0][2], scope, 'the native fetch is called on its scope');
});

test('Request takes a relative URL, is still a Request, and fetch takes it as it is', async () => {
  const { scope, fetched } = fakeWorkerScope();
  assert.throws(() => new scope.Request('data/rows.csv'), TypeError, 'without a base, a relative URL does not parse');
  resolveRelativeUrls(scope, FRAME_BASE);
  const request = new scope.Request('data/rows.csv', { method: 'PUT', body: 'x' });
  assert.equal(request.url, 'https://notebooks.example/site/data/rows.csv');
  assert.equal(request.method, 'PUT');
  assert.ok(request instanceof Request);
  await scope.fetch(request);
  assert.deepEqual(fetched.map(([url]) => url), ['Request https://notebooks.example/site/data/rows.csv']);
});

test('XMLHttpRequest opens a relative URL against the frame\'s base (open_url), with its other arguments', () => {
  const { scope, opened } = fakeWorkerScope();
  resolveRelativeUrls(scope, FRAME_BASE);
  new scope.XMLHttpRequest().open('GET', 'data/rows.csv', false);
  new scope.XMLHttpRequest().open('GET', 'https://elsewhere.example/a.json', true);
  assert.deepEqual(opened, [
    ['GET', 'https://notebooks.example/site/data/rows.csv', false, true],
    ['GET', 'https://elsewhere.example/a.json', true, true],
  ]);
});

test('a URL that does not parse even against the base is passed on for the call\'s own error', async () => {
  const { scope, fetched } = fakeWorkerScope();
  resolveRelativeUrls(scope, FRAME_BASE);
  await scope.fetch('http://[bad');
  assert.deepEqual(fetched.map(([url]) => url), ['http://[bad']);
});
