// Events of the page: leaving it, and string messages between the editor, its frame and ports.

import { createOutbox, eachText, outboxes } from './message-batches.js';
import { bytesMessage, keepBytes } from './message-bytes.js';

/** Calls action() when the page is left or hidden (pagehide, visibilitychange to hidden). */
export function onPageLeft(action, win = window, doc = document) {
  win.addEventListener('pagehide', () => action());
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') action();
  });
}

/** The string data of a message event; null for anything else. */
export function messageText(event) {
  return typeof event.data === 'string' ? event.data : null;
}

/** Hears every window message as handler(source, origin, text or null). */
export function listenMessages(handler, win = window) {
  win.addEventListener('message', (event) => handler(event.source, String(event.origin), messageText(event)));
}

/** Hears every window message as handler(source, origin, text or null, first transferred port or null). */
export function listenMessagesWithPorts(handler, win = window) {
  win.addEventListener('message', (event) => handler(event.source, String(event.origin), messageText(event),
    event.ports && event.ports.length ? event.ports[0] : null));
}

/**
 * Hears a MessagePort's messages as handler(text or null), each message of a batch (postToPort) apart;
 * bytes (postBytesToPort) are kept for the text that takes them (message-bytes.js takeBytes).
 */
export function listenPort(port, handler) {
  port.onmessage = (event) => {
    if (keepBytes(event.data)) return;
    if (!eachText(event.data, handler)) handler(null);
  };
}

const portOutbox = outboxes((port) => createOutbox((data) => port.postMessage(data)));

/** Posts text through a MessagePort, together with the others posted in the same task (message-batches.js). */
export function postToPort(port, text) {
  portOutbox(port).send(text);
}

/** Posts `bytes` (an ArrayBuffer, copied) as `name`, after what waits for the port: the text naming them comes next. */
export function postBytesToPort(port, name, bytes) {
  flushPort(port);
  port.postMessage(bytesMessage(name, bytes));
}

/** Posts what waits for the port now, rather than once the current task's microtasks run. */
export function flushPort(port) {
  portOutbox(port).flush();
}

/** Posts what waits for the port, then closes it. */
export function closePort(port) {
  flushPort(port);
  port.close();
}

/**
 * Asks the browser to confirm leaving the page (closing the tab, reloading, navigating away)
 * whenever shouldWarn() is true at that moment: the user has changes that exist nowhere else.
 */
export function warnBeforeLeaving(shouldWarn, win = window) {
  win.addEventListener('beforeunload', (event) => {
    if (!shouldWarn()) return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = '';
  });
}
