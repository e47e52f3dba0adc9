// Messages sent in one task go as one postMessage (message-batches.js), on every channel that uses it:
// the editor's port to its frame (page-events.js), and the frame and its Python worker (python-worker-support.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_KEY, MAX_BATCH_AGE_MS, createOutbox, eachText } from '../../main/js/page/message-batches.js';
import { closePort, listenPort, postToPort } from '../../main/js/page/page-events.js';
import {
  createSharedBuffers, dropRunsUpTo, droppedUpTo, flushToFrame, listenToFrame, listenToWorker, postToFrame, postToWorker,
  postToWorkerWithBuffers, readLine, writeAnswer,
} from '../../main/js/frame/python-worker-support.js';

/** An outbox on a fake clock whose deferred flushes run when run() is called. */
function fakeOutbox(options = {}) {
  const posted = [];
  const deferred = [];
  const clock = { now: 0 };
  const outbox = createOutbox((data) => posted.push(data),
    { now: () => clock.now, defer: (flush) => deferred.push(flush), ...options });
  return { outbox, posted, clock, run: () => deferred.splice(0).forEach((flush) => flush()) };
}

test('the texts sent in one task are posted once, in order, after the task; a lone text goes as itself', () => {
  const { outbox, posted, run } = fakeOutbox();
  outbox.send('a');
  outbox.send('b');
  outbox.send('c');
  assert.deepEqual(posted, [], 'nothing before the task ends');
  run();
  assert.deepEqual(posted, [{ [BATCH_KEY]: ['a', 'b', 'c'] }]);
  outbox.send('d');
  run();
  assert.deepEqual(posted[1], 'd');
});

test('a task that keeps sending still delivers: a batch older than its age limit goes at the next send', () => {
  const { outbox, posted, clock, run } = fakeOutbox();
  outbox.send('first');
  clock.now = MAX_BATCH_AGE_MS - 1;
  outbox.send('second');
  assert.deepEqual(posted, []);
  clock.now = MAX_BATCH_AGE_MS;
  outbox.send('third');
  assert.deepEqual(posted, [{ [BATCH_KEY]: ['first', 'second', 'third'] }]);
  outbox.send('fourth');
  run();
  assert.deepEqual(posted, [{ [BATCH_KEY]: ['first', 'second', 'third'] }, 'fourth'], 'nothing posted twice, nothing lost');
});

test('flush posts what waits now, and nothing when nothing waits', () => {
  const { outbox, posted, run } = fakeOutbox();
  outbox.flush();
  outbox.send('x');
  outbox.flush();
  run();
  assert.deepEqual(posted, ['x']);
});

test('eachText gives every text of a message in order and refuses what is not ours', () => {
  const heard = [];
  assert.equal(eachText('one', (text) => heard.push(text)), true);
  assert.equal(eachText({ [BATCH_KEY]: ['two', 3, 'four'] }, (text) => heard.push(text)), true);
  assert.equal(eachText(['coincident', 'call'], (text) => heard.push(text)), false);
  assert.equal(eachText(null, (text) => heard.push(text)), false);
  assert.deepEqual(heard, ['one', 'two', 'four']);
});

test('a port hears each text of a batch posted to it in one task, and closing posts what waits', async () => {
  const { port1, port2 } = new MessageChannel();
  const heard = [];
  const all = new Promise((resolve) => listenPort(port2, (text) => {
    heard.push(text);
    if (heard.length === 4) resolve();
  }));
  postToPort(port1, 'RunCode 1');
  postToPort(port1, 'RunCode 2');
  postToPort(port1, 'RunCode 3');
  await new Promise((resolve) => setTimeout(resolve, 0));
  postToPort(port1, 'DropQueued');
  closePort(port1);
  await all;
  port2.close();
  assert.deepEqual(heard, ['RunCode 1', 'RunCode 2', 'RunCode 3', 'DropQueued']);
});

test('the frame batches its runs to the worker, after the first message with the buffers; the worker hears each', async () => {
  const posted = [];
  const worker = { postMessage: (data) => posted.push(data) };
  const scope = {};
  const heard = [];
  listenToFrame((wire, interrupt, input) => heard.push([wire, interrupt, input]), scope);
  postToWorker(worker, 'early');
  postToWorkerWithBuffers(worker, 'Start', 'i', 'n');
  postToWorker(worker, 'Run 1');
  postToWorker(worker, 'Run 2');
  await Promise.resolve();
  posted.forEach((data) => scope.onmessage({ data }));
  assert.deepEqual(heard, [['early', null, null], ['Start', 'i', 'n'], ['Run 1', null, null], ['Run 2', null, null]]);
});

test('the worker batches its answers to the frame, and posts what waits before it blocks in input()', async () => {
  const posted = [];
  const scope = { postMessage: (data) => posted.push(data) };
  postToFrame('Finished 1', scope);
  postToFrame('Finished 2', scope);
  await Promise.resolve();
  const messages = [];
  const worker = {};
  listenToWorker(worker, (wire) => messages.push(wire), () => {});
  posted.forEach((data) => worker.onmessage({ data }));
  assert.deepEqual(messages, ['Finished 1', 'Finished 2']);

  const { interrupt, input } = createSharedBuffers();
  posted.length = 0;
  postToFrame('Output 3', scope);
  const line = readLine(input, interrupt, () => {
    postToFrame('InputRequest 3', scope);
    writeAnswer(input, 'Ada');
  });
  assert.equal(line, 'Ada');
  assert.deepEqual(posted, [{ [BATCH_KEY]: ['Output 3', 'InputRequest 3'] }], 'posted before the wait, not after it');
  flushToFrame();
  assert.equal(posted.length, 1);
});

test('a Stop drops, through shared memory, the runs up to the last one sent', () => {
  const { interrupt } = createSharedBuffers();
  assert.equal(droppedUpTo(interrupt), 0);
  dropRunsUpTo(interrupt, 41);
  assert.equal(droppedUpTo(interrupt), 41);
});
