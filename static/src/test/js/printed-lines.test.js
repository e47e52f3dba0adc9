// PrintedLines (src/main/js/pyodide/printed-lines.js): how printed lines are joined and handed over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printedLines } from '../../main/js/pyodide/printed-lines.js';

/** A clock the test moves, and timers it fires by hand. */
function fakeTime() {
  const time = { now: 0, pending: new Map(), next: 1 };
  time.clock = () => time.now;
  time.timers = {
    setTimeout(fn) { const id = time.next++; time.pending.set(id, fn); return id; },
    clearTimeout(id) { time.pending.delete(id); },
  };
  time.fire = () => { const due = [...time.pending.values()]; time.pending.clear(); due.forEach((fn) => fn()); };
  return time;
}

function collect() {
  const got = [];
  const sink = (stream, text) => got.push([stream, text]);
  return { got, sink };
}

test('lines printed within the delay go out together, each with its line feed, when the delay has passed', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.stdout.batched('a');
  time.now = 3;
  printed.stdout.batched('b');
  assert.deepEqual(got, []);
  time.now = 8;
  printed.stdout.batched('c');
  assert.deepEqual(got, [[0, 'a\nb\nc\n']]);
});

test('the timer hands over lines of code that yields', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.stdout.batched('only');
  time.fire();
  assert.deepEqual(got, [[0, 'only\n']]);
  time.fire();
  assert.deepEqual(got, [[0, 'only\n']], 'nothing twice');
});

test('stdout and stderr keep the order they were printed in, never joined across streams', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.stdout.batched('out 1');
  printed.stderr.batched('err 1');
  printed.stdout.batched('out 2');
  printed.flush();
  assert.deepEqual(got, [[0, 'out 1\n'], [1, 'err 1\n'], [0, 'out 2\n']]);
});

test('flush hands over what waits, clears its timer, and does nothing when nothing waits', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.flush();
  assert.deepEqual(got, []);
  printed.stderr.batched('x');
  printed.flush();
  assert.equal(time.pending.size, 0);
  assert.deepEqual(got, [[1, 'x\n']]);
});

test('an empty line is a line', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.stdout.batched('');
  printed.stdout.batched('');
  printed.flush();
  assert.deepEqual(got, [[0, '\n\n']]);
});
