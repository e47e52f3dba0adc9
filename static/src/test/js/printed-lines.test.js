// PrintedLines (src/main/js/pyodide/printed-lines.js): how printed text is joined and handed over.
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

/** Writes text as Python's stream does: its UTF-8 bytes. */
function write(handler, text) {
  const bytes = new TextEncoder().encode(text);
  assert.equal(handler.write(bytes), bytes.length, 'every byte taken');
}

function collect() {
  const got = [];
  const sink = (stream, text) => got.push([stream, text]);
  return { got, sink };
}

test('lines printed within the delay go out together when the delay has passed', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  write(printed.stdout, 'a\n');
  time.now = 3;
  write(printed.stdout, 'b\n');
  assert.deepEqual(got, []);
  time.now = 8;
  write(printed.stdout, 'c\n');
  assert.deepEqual(got, [[0, 'a\nb\nc\n']]);
});

test('the timer hands over lines of code that yields', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  write(printed.stdout, 'only\n');
  time.fire();
  assert.deepEqual(got, [[0, 'only\n']]);
  time.fire();
  assert.deepEqual(got, [[0, 'only\n']], 'nothing twice');
});

test('stdout and stderr keep the order they were printed in, never joined across streams', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  write(printed.stdout, 'out 1\n');
  write(printed.stderr, 'err 1\n');
  write(printed.stdout, 'out 2\n');
  printed.flush();
  assert.deepEqual(got, [[0, 'out 1\n'], [1, 'err 1\n'], [0, 'out 2\n']]);
});

test('flush hands over what waits, clears its timer, and does nothing when nothing waits', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  printed.flush();
  assert.deepEqual(got, []);
  write(printed.stderr, 'x\n');
  printed.flush();
  assert.equal(time.pending.size, 0);
  assert.deepEqual(got, [[1, 'x\n']]);
});

test('an empty line is a line', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  write(printed.stdout, '\n');
  write(printed.stdout, '\n');
  printed.flush();
  assert.deepEqual(got, [[0, '\n\n']]);
});

test('text without a line end goes on as printed, and the next text continues its line', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  write(printed.stdout, 'Loading...');
  printed.flush();
  write(printed.stdout, ' done\n');
  write(printed.stdout, '50%\r');
  printed.flush();
  assert.deepEqual(got, [[0, 'Loading...'], [0, ' done\n50%\r']]);
});

test('a character split across two writes comes out whole', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  const bytes = new TextEncoder().encode('é✓\n');
  printed.stdout.write(bytes.subarray(0, 1));
  printed.stdout.write(bytes.subarray(1, 4));
  printed.stdout.write(bytes.subarray(4));
  printed.flush();
  assert.deepEqual(got, [[0, 'é✓\n']]);
});

test('a print larger than the buffer goes whole, and a character split across two flushes too', () => {
  const time = fakeTime();
  const { got, sink } = collect();
  const printed = printedLines(sink, 8, time.clock, time.timers);
  const big = 'x'.repeat(3 * 1024 * 1024) + '\n';
  write(printed.stdout, 'a\n');
  write(printed.stdout, big);
  printed.flush();
  assert.equal(got.length, 1);
  assert.equal(got[0][1], 'a\n' + big);
  const bytes = new TextEncoder().encode('✓\n');
  printed.stdout.write(bytes.subarray(0, 2));
  printed.flush();
  printed.stdout.write(bytes.subarray(2));
  printed.flush();
  assert.deepEqual(got.slice(1), [[0, '✓\n']], 'nothing goes until the character is whole');
});
