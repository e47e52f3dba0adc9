import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import {
  listenToFrame, listenToWorker,
  createSharedBuffers, readLine, writeAnswer, requestInterrupt, clearInterrupt, interruptPending, INPUT_CAPACITY,
  interruptDelivered, firstDelivery, signalSlot, requestOutputFlush, FLUSH_SIGNAL, SIGINT, waitForSignal,
} from '../../main/js/frame/python-worker-support.js';

test('an answer written while the worker asks is the line it reads, unicode included', () => {
  const { input, interrupt } = createSharedBuffers();
  let asked = 0;
  const line = readLine(input, interrupt, () => { asked++; writeAnswer(input, 'Zoë ✓ "quoted"'); });
  assert.equal(line, 'Zoë ✓ "quoted"');
  assert.equal(asked, 1);
});

test('a second question waits for a second answer, not the first one again', () => {
  const { input, interrupt } = createSharedBuffers();
  assert.equal(readLine(input, interrupt, () => writeAnswer(input, 'first')), 'first');
  assert.equal(readLine(input, interrupt, () => writeAnswer(input, '')), '');
});

test('end of input reads as null', () => {
  const { input, interrupt } = createSharedBuffers();
  assert.equal(readLine(input, interrupt, () => writeAnswer(input, null)), null);
});

test('an interrupt while waiting ends the wait with false and is taken, as Pyodide takes it', () => {
  const { input, interrupt } = createSharedBuffers();
  assert.equal(readLine(input, interrupt, () => requestInterrupt(interrupt)), false);
  assert.ok(!interruptPending(interrupt));
  assert.ok(interruptDelivered(interrupt), 'the frame stops writing SIGINT');
  requestInterrupt(interrupt);
  clearInterrupt(interrupt);
  assert.ok(!interruptPending(interrupt));
});

test('a flush request goes only into an empty slot, and an interrupt overwrites it', () => {
  const { interrupt } = createSharedBuffers();
  assert.equal(requestOutputFlush(interrupt), true);
  assert.equal(signalSlot(interrupt)[0], FLUSH_SIGNAL);
  assert.ok(!interruptPending(interrupt), 'a flush request is no interrupt');
  assert.equal(requestOutputFlush(interrupt), false, 'one request at a time');
  requestInterrupt(interrupt);
  assert.equal(signalSlot(interrupt)[0], SIGINT);
  assert.equal(requestOutputFlush(interrupt), false, 'never over an interrupt');
  assert.equal(signalSlot(interrupt)[0], SIGINT);
  assert.ok(interruptPending(interrupt));
});

test('a flush request does not end a wait for input, and stays for Python to take', async () => {
  const { input, interrupt } = createSharedBuffers();
  requestOutputFlush(interrupt);
  // The answer comes from another thread a few wait slices later, as the frame's would.
  const support = new URL('../../main/js/frame/python-worker-support.js', import.meta.url).href;
  const answering = new Worker(`import(${JSON.stringify(support)}).then(({ writeAnswer }) => {
    setTimeout(() => writeAnswer(require('node:worker_threads').workerData, 'late'), 100);
  });`, { eval: true, workerData: input });
  try {
    assert.equal(readLine(input, interrupt, () => {}), 'late');
    assert.equal(signalSlot(interrupt)[0], FLUSH_SIGNAL);
  } finally {
    await answering.terminate();
  }
});

test('a sleep waits out its time when no signal comes, and takes a waiting one at once', () => {
  const { interrupt } = createSharedBuffers();
  const started = performance.now();
  assert.equal(waitForSignal(interrupt, 40), 0);
  assert.ok(performance.now() - started >= 39);
  requestOutputFlush(interrupt);
  assert.equal(waitForSignal(interrupt, 10_000), FLUSH_SIGNAL);
  assert.equal(signalSlot(interrupt)[0], 0, 'taken, as Pyodide takes it');
});

test("a sleep wakes when the frame's thread writes an interrupt", async () => {
  const { interrupt } = createSharedBuffers();
  const support = new URL('../../main/js/frame/python-worker-support.js', import.meta.url).href;
  const frame = new Worker(`import(${JSON.stringify(support)}).then(({ requestInterrupt }) => {
    setTimeout(() => requestInterrupt(require('node:worker_threads').workerData), 100);
  });`, { eval: true, workerData: interrupt });
  try {
    const started = performance.now();
    assert.equal(waitForSignal(interrupt, 20_000), SIGINT);
    assert.ok(performance.now() - started < 10_000, 'woken, not timed out');
  } finally {
    await frame.terminate();
  }
});

test('an answer longer than the buffer is cut, not overflowing', () => {
  const { input, interrupt } = createSharedBuffers();
  const line = readLine(input, interrupt, () => writeAnswer(input, 'é'.repeat(INPUT_CAPACITY)));
  assert.equal(line, 'é'.repeat(INPUT_CAPACITY / 2));
});

test('only the first delivery of a run counts, until the next run clears it', () => {
  const { interrupt } = createSharedBuffers();
  requestInterrupt(interrupt);
  assert.equal(signalSlot(interrupt)[0], 2, 'Pyodide polls slot 0');
  assert.ok(firstDelivery(interrupt));
  assert.ok(!firstDelivery(interrupt));
  assert.ok(interruptDelivered(interrupt));
  clearInterrupt(interrupt);
  assert.ok(!interruptDelivered(interrupt) && !interruptPending(interrupt));
  assert.ok(firstDelivery(interrupt));
});

test('the worker hears the held messages first, then only those carrying wire text', () => {
  const heard = [];
  const scope = { jodideHeldMessages: [{ data: { wire: 'start', interrupt: 'i', input: 'n' } }, { data: ['coincident'] }] };
  listenToFrame((wire, interrupt, input) => heard.push([wire, interrupt, input]), scope);
  scope.onmessage({ data: { wire: 'run' } });
  scope.onmessage({ data: null });
  assert.deepEqual(heard, [['start', 'i', 'n'], ['run', null, null]]);
  assert.deepEqual(scope.jodideHeldMessages, []);
});

test('the frame hears the worker\'s wire text and its errors, kept from the console', () => {
  const worker = {};
  const messages = [];
  const failures = [];
  listenToWorker(worker, (wire) => messages.push(wire), (reason) => failures.push(reason));
  worker.onmessage({ data: 'ready' });
  worker.onmessage({ data: ['coincident'] });
  let prevented = 0;
  worker.onerror({ message: 'boom', preventDefault: () => prevented++ });
  worker.onerror({ preventDefault: () => prevented++ });
  assert.deepEqual(messages, ['ready']);
  assert.deepEqual(failures, ['boom', 'the worker failed to start']);
  assert.equal(prevented, 2);
});
