// Bytes beside the text messages (page/message-bytes.js): kept by name until taken, in order with the
// texts through a real MessageChannel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BYTES_KEY, bytesMessage, keepBytes, takeBytes } from '../../main/js/page/message-bytes.js';
import { createOutbox, eachText } from '../../main/js/page/message-batches.js';

test('a bytes message is kept by name until taken once; other messages are not bytes', () => {
  const buffer = Uint8Array.of(0, 255, 10).buffer;
  assert.equal(keepBytes(bytesMessage('a.bin', buffer)), true);
  assert.equal(takeBytes('a.bin'), buffer);
  assert.equal(takeBytes('a.bin'), null, 'taken once');
  assert.equal(keepBytes('{"type":"PutDataFile"}'), false);
  assert.equal(keepBytes({ jodideBatch: ['x'] }), false);
  assert.equal(keepBytes({ [BYTES_KEY]: 'b.bin', bytes: 'not bytes' }), false);
  assert.equal(takeBytes('b.bin'), null);
  assert.throws(() => bytesMessage('c.bin', Uint8Array.of(1)), /must be an ArrayBuffer/);
});

test('through a MessageChannel, the bytes arrive before the text that names them, copied', async () => {
  const { port1, port2 } = new MessageChannel();
  const outbox = createOutbox((data) => port1.postMessage(data));
  const seen = [];
  const done = new Promise((resolve) => {
    port2.onmessage = (event) => {
      if (keepBytes(event.data)) return;
      eachText(event.data, (text) => {
        const bytes = takeBytes(text);
        seen.push([text, bytes && [...new Uint8Array(bytes)]]);
        if (seen.length === 3) resolve();
      });
    };
  });
  const sent = Uint8Array.of(7, 8, 9).buffer;
  outbox.send('before');
  outbox.flush();
  port1.postMessage(bytesMessage('data.csv', sent));
  outbox.send('data.csv');
  outbox.send('after');
  await done;
  port1.close();
  port2.close();
  assert.deepEqual(seen, [['before', null], ['data.csv', [7, 8, 9]], ['after', null]]);
  assert.equal(sent.byteLength, 3, 'the sender keeps its bytes (copied, not transferred)');
});
