// What js chunks and plugin evaluators log on the console is printed under them
// (src/main/js/frame/console-capture.js, used by js-evaluator.js): which calls, how their arguments
// read, and for how long, with a fake console that records what the browser's would get.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleCapture, logText } from '../../main/js/frame/console-capture.js';
import { callPlugin, describe, evaluateChunk, logOutsideRuns } from '../../main/js/frame/js-evaluator.js';

function fakeConsole() {
  const browser = [];
  const target = {};
  for (const method of ['log', 'info', 'debug', 'dir', 'warn', 'error', 'assert', 'table']) {
    target[method] = (...args) => browser.push([method, ...args]);
  }
  return { target, browser };
}

function printer() {
  const printed = [];
  return { printed, print: (stream, text) => printed.push([stream, text]) };
}

test('arguments read as a browser writes them: strings as they are, other values described, %-substitutions', () => {
  assert.equal(logText(['rows', 3, { a: [1, 'x'] }, null, undefined, true], describe), 'rows 3 {"a":[1,"x"]} null undefined true');
  assert.equal(logText(['%s has %d rows (%i%%), mean %f', 'cities', '5', 7.9, '2.5', 'extra'], describe),
    'cities has 5 rows (7%), mean 2.5 extra');
  assert.equal(logText(['%o and %O and %j', 'text', [1], { b: 2 }], describe), '"text" and [1] and {"b":2}');
  assert.equal(logText(['%cstyled', 'color: red'], describe), 'styled');
  assert.equal(logText(['%s and %s', 'only one'], describe), 'only one and %s');
  assert.equal(logText([{ first: 'object' }, '%s'], describe), '{"first":"object"} %s', 'only a first string substitutes');
  assert.equal(logText([10n, '%d'], describe), '10 %d');
  assert.equal(logText(['%d', 10n], describe), '10n');
  assert.equal(logText([], describe), '');
});

test('while a printer is set, log, info, debug and dir print to stdout, warn, error and a failed assert to stderr', () => {
  const { target, browser } = fakeConsole();
  const { printed, print } = printer();
  const capture = consoleCapture(target, describe);
  target.log('before');
  const stop = capture.printingTo(print);
  target.log('a', 1);
  target.info('b');
  target.debug('c');
  target.dir({ d: 1 });
  target.warn('careful');
  target.error('broken');
  target.assert(1 === 1, 'holds');
  target.assert(false, 'x is', 2);
  target.assert(false);
  target.table([1]);
  stop();
  target.log('after');
  assert.deepEqual(printed, [
    ['stdout', 'a 1\n'], ['stdout', 'b\n'], ['stdout', 'c\n'], ['stdout', '{"d":1}\n'],
    ['stderr', 'careful\n'], ['stderr', 'broken\n'], ['stderr', 'Assertion failed: x is 2\n'], ['stderr', 'Assertion failed\n'],
  ]);
  assert.equal(browser.length, 12, 'the browser\'s console still hears every call');
  assert.deepEqual(browser[0], ['log', 'before']);
  assert.deepEqual(browser.at(-1), ['log', 'after']);
  assert.equal(consoleCapture(target, describe), capture, 'the console is wrapped once');
});

test('a printer set meanwhile stays until its own end; a printer that throws loses nothing of the browser\'s', () => {
  const { target, browser } = fakeConsole();
  const capture = consoleCapture(target, describe);
  const first = printer();
  const second = printer();
  const stopFirst = capture.printingTo(first.print);
  const stopSecond = capture.printingTo(second.print);
  stopFirst();
  target.log('to the second');
  stopSecond();
  target.log('to nobody');
  assert.deepEqual(first.printed, []);
  assert.deepEqual(second.printed, [['stdout', 'to the second\n']]);
  capture.printingTo(() => { throw new Error('cannot print'); });
  target.log('still logged');
  assert.deepEqual(browser.at(-1), ['log', 'still logged']);
});

test('a js chunk prints what it logs until its value is settled, awaits included, and not after', async () => {
  const { target } = fakeConsole();
  const { printed, print } = printer();
  const answer = await new Promise((done) => evaluateChunk('logs', 3, 'chunk.js', 'js chunk', (...args) => done(args), {
    print,
    console: target,
    evaluate: () => {
      target.log('synchronous', { rows: 2 });
      return new Promise((resolve) => setTimeout(() => {
        target.warn('after a wait');
        resolve(42);
        setTimeout(() => target.log('too late'), 0);
      }, 5));
    },
  }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(answer, ['42', null, null, null]);
  assert.deepEqual(printed, [['stdout', 'synchronous {"rows":2}\n'], ['stderr', 'after a wait\n']]);
});

test('a chunk that awaits at its top level, or throws, prints what it logged first', async () => {
  const { target } = fakeConsole();
  const { printed, print } = printer();
  globalThis.chunkConsole = target; // The chunks' console here; the frame's is the global one.
  const run = (code) => new Promise((done) => evaluateChunk(code, 0, 'chunk.js', 'js chunk', (...args) => done(args),
    { print, console: target }));
  assert.deepEqual(await run('chunkConsole.log("one"); await 0; chunkConsole.log("two %d", 2); "done"'), ['"done"', null, null, null]);
  const thrown = await run('chunkConsole.error("about to fail"); null.x');
  assert.match(thrown[1], /^TypeError/);
  assert.deepEqual(printed, [['stdout', 'one\n'], ['stdout', 'two 2\n'], ['stderr', 'about to fail\n']]);
});

test('a plugin\'s evaluator prints what it logs, as a js chunk does', async () => {
  const { target } = fakeConsole();
  const { printed, print } = printer();
  const scope = { console: target, lua: { run: (code) => { target.log('running', code); return 'ran'; } } };
  const answer = await new Promise((done) => callPlugin('lua', 'run', 'x = 1', (...args) => done(args), { print, scope }));
  assert.deepEqual(answer, ['"ran"', null, null, null]);
  assert.deepEqual(printed, [['stdout', 'running x = 1\n']]);
});

test('what a chunk left behind logs after its run reaches logOutsideRuns named after the chunk; other code\'s calls do not', async () => {
  const { target, browser } = fakeConsole();
  const { printed, print } = printer();
  const outside = [];
  logOutsideRuns(target, (...args) => outside.push(args));
  globalThis.lateConsole = target;
  const answer = await new Promise((done) => evaluateChunk(
    'lateConsole.log("in the run");\nsetTimeout(() => {\n  lateConsole.warn("late %d", 1);\n}, 0);\n"scheduled"',
    2, 'js-chunk-at-line-3.js', 'js chunk at line 3', (...args) => done(args), { print, console: target }));
  assert.deepEqual(answer, ['"scheduled"', null, null, null]);
  target.log('the page\'s own'); // No chunk on its stack: the browser's console only.
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(printed, [['stdout', 'in the run\n']]);
  assert.deepEqual(outside, [['js chunk at line 3', 'stderr', 'late 1\n']]);
  assert.deepEqual(browser.map(([method]) => method), ['log', 'log', 'warn'], 'the browser\'s console hears every call');
});
