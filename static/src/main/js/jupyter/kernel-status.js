// One stream of status for a remote kernel, from the library's two: the kernel's execution status
// (KernelConnection.statusChanged: 'starting', 'idle', 'busy', 'restarting', 'autorestarting',
// 'dead'; also 'unknown' and 'terminating', left out here) and its WebSocket's
// (connectionStatusChanged: 'connecting', 'connected', 'disconnected'). A session exists only once
// its socket is connected, so 'connecting' afterwards is always a reconnection: 'reconnecting'.
//
//   const watch = watchKernelStatus(kernel, { serverUrl, isShuttingDown: () => false });
//   const stop = watch.onStatus((status, detail) => ...);   // detail: a sentence for 'dead' and 'disconnected'

const KERNEL_STATUSES = new Set(['starting', 'idle', 'busy', 'restarting', 'autorestarting', 'dead']);
const CONNECTION_STATUSES = { connecting: 'reconnecting', connected: 'connected', disconnected: 'disconnected' };

/** {onStatus(listener) -> unsubscribe, dispose()} for `kernel`, a KernelConnection. */
export function watchKernelStatus(kernel, { serverUrl, isShuttingDown }) {
  const listeners = new Set();
  let dead = false;
  const tell = (status, detail) => {
    for (const listener of [...listeners]) {
      try {
        listener(status, detail);
      } catch (error) {
        // One broken listener must not keep the others from hearing of the kernel.
        console.error('A kernel status listener failed', error);
      }
    }
  };
  const onKernelStatus = (_, status) => {
    if (!KERNEL_STATUSES.has(status)) {
      return;
    }
    if (status === 'dead') {
      dead = true;
      tell(status, isShuttingDown() ? 'The kernel was shut down.' : deathDetail(kernel));
    } else {
      tell(status, '');
    }
  };
  const onConnectionStatus = (_, status) => {
    if (status !== 'disconnected') {
      tell(CONNECTION_STATUSES[status] ?? status, '');
    } else if (dead || isShuttingDown()) {
      tell(status, 'The connection to the kernel was closed: the kernel is gone.');
    } else {
      tell(status, `Lost the connection to the Jupyter server at ${serverUrl}, and it did not come back after `
        + 'several tries. Is the server still running?');
    }
  };
  kernel.statusChanged.connect(onKernelStatus);
  kernel.connectionStatusChanged.connect(onConnectionStatus);
  return {
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      // A disposed connection has already dropped its signals' slots (Signal.clearData).
      if (!kernel.isDisposed) {
        kernel.statusChanged.disconnect(onKernelStatus);
        kernel.connectionStatusChanged.disconnect(onConnectionStatus);
      }
    },
  };
}

/**
 * Why the kernel died, as far as the library knows: a reason from the server when it gave one, else
 * the usual causes. The library also declares a kernel dead when the server no longer lists it.
 */
function deathDetail(kernel) {
  const reason = kernel.model?.reason;
  return reason
    ? `The kernel died: ${reason}`
    : 'The kernel is gone: it died (out of memory, a crash), or the server shut it down (idle culling, or a '
      + 'shutdown from another client). Start a new one to go on.';
}
