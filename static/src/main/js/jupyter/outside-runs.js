// What a remote kernel prints for this connection once the run that printed it has ended: a thread's
// or an asyncio task's print after its cell (ipykernel sends it with the parent header of the request
// it last ran, whose future is done). @jupyterlab/services hands such iopub messages to no future and
// emits them only on the connection's iopubMessage signal; a run's own stream is its future's.
//
//   const untrack = trackRequest(kernel, future);   // while a run (or a helper's call) waits for it
//   const stop = watchOutputOutsideRuns(kernel, (name, text) => ...);   // name 'stdout' or 'stderr'

/** The msg_ids of the requests this page waits for, by kernel connection. */
const liveRequests = new WeakMap();

function requestsOf(kernel) {
  let ids = liveRequests.get(kernel);
  if (!ids) {
    ids = new Set();
    liveRequests.set(kernel, ids);
  }
  return ids;
}

/** Counts `future`'s output as its own run's until the function returned is called (once its done settles). */
export function trackRequest(kernel, future) {
  const id = future.msg.header.msg_id;
  requestsOf(kernel).add(id);
  return () => requestsOf(kernel).delete(id);
}

/**
 * Calls listener(name, text) for each stream message of a request of this connection's ("stdout" or
 * "stderr") that arrives while no one waits for that request; messages of other clients' requests
 * are theirs. Returns the function that stops listening.
 */
export function watchOutputOutsideRuns(kernel, listener) {
  const heard = (_, message) => {
    if (message.header?.msg_type !== 'stream') return;
    const parent = message.parent_header ?? {};
    if (parent.session !== kernel.clientId || requestsOf(kernel).has(parent.msg_id)) return;
    try {
      listener(String(message.content.name), String(message.content.text));
    } catch (failure) {
      console.error('Jodide: output outside runs could not be shown', failure);
    }
  };
  kernel.iopubMessage.connect(heard);
  return () => {
    if (!kernel.isDisposed) kernel.iopubMessage.disconnect(heard);
  };
}
