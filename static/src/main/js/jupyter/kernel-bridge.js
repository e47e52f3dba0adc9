// The callback face of the Jupyter client for the Java side (org.jodide.ui.jupyter.JupyterKernel,
// bound through TeaVM JSO, which calls functions and passes callbacks but does not await Promises):
// connectJupyter's session (remote-kernel.js) with callbacks for results, and Jupyter's mime bundles
// reduced to the one form the notebook's outputs show.
//
//   connectKernel(url, token, (session) => ..., (message) => ...);
//   session.run(code, { stream, display, value, input, done });   session.interrupt(failed)
//   session.restart(restarted, failed);   session.complete(code, cursor, names);   session.inspect(code, cursor, text);   session.variables(listed)
//   session.readGlobal(name, read, failed)

import { connectJupyter } from './remote-kernel.js';
import { boundedPlainText } from '../frame/value-text.js';

export { connectJupyter, parseServerAddress, stripAnsi } from './remote-kernel.js';

/**
 * The mime types the notebook's outputs render (ExecutionListener.display), in the order a bundle's
 * form is chosen: the richest first, as JupyterLab ranks them; text/plain last.
 */
export const SHOWN_MIME_TYPES = Object.freeze(['text/html', 'text/markdown', 'text/latex', 'image/svg+xml',
  'image/png', 'image/jpeg', 'text/plain']);

/**
 * The form of `bundle` ({mime: data}) to show: [mime, data as a string], or null when it has none
 * shown here. Plain text is cut as the browser's kernels cut theirs (value-text.js's boundedPlainText):
 * a server's `'x' * 10**8` would otherwise be one 100-million-character line in the page.
 */
export function chooseForm(bundle) {
  const form = richestForm(bundle);
  return form && form[0] === 'text/plain' ? ['text/plain', boundedPlainText(form[1])] : form;
}

function richestForm(bundle) {
  for (const mime of SHOWN_MIME_TYPES) {
    if (bundle && typeof bundle[mime] === 'string') return [mime, bundle[mime]];
    if (bundle && Array.isArray(bundle[mime])) return [mime, bundle[mime].join('')];
  }
  if (bundle && bundle['application/json'] !== undefined) return ['text/plain', JSON.stringify(bundle['application/json'], null, 2)];
  return null;
}

/** The message of a failure, whatever was thrown. */
function messageOf(failure) {
  return failure && failure.message ? failure.message : String(failure);
}

/**
 * Connects (remote-kernel.js connectJupyter) and calls `connected(session)` with the callback
 * session below, or `failed(message)` with why not.
 */
export function connectKernel(url, token, connected, failed) {
  connectJupyter({ url, token: token || undefined }).then((remote) => connected(bridgeOf(remote)),
    (failure) => failed(messageOf(failure)));
}

function bridgeOf(remote) {
  return {
    /** Where the kernel runs, for the status's title: "python3 on http://host:8888/". */
    describe: () => `${remote.kernelName} on ${remote.serverUrl}`,
    serverUrl: remote.serverUrl,
    /**
     * Runs `code`. events: stream(name, text), display(mime, data, displayId, update) (displayId ''
     * for a display without one; update: it replaces that id's displays), value(text): an execute_result
     * with no richer form than text/plain, input(prompt, password, reply), clear(wait),
     * timed(milliseconds): how long the kernel took, by its clock (before done, when it says),
     * done(error): null, or the traceback (ANSI-free) of an error, or why the run could not finish.
     */
    run(code, events) {
      let traceback = null;
      remote.execute(code, {
        stream: (name, text) => events.stream(name, text),
        display: (bundle, isResult, displayId, update) => {
          const form = chooseForm(bundle);
          if (!form) return;
          if (isResult && form[0] === 'text/plain' && !displayId) events.value(form[1]);
          else events.display(form[0], form[1], displayId || '', Boolean(update));
        },
        clearOutput: (wait) => events.clear(Boolean(wait)),
        error: (ename, evalue, lines) => {
          traceback = lines || `${ename}: ${evalue}`;
        },
        input: (prompt, password, reply) => events.input(prompt, password, (text) => reply(text)),
      }).then(({ status, kernelMillis }) => {
        if (kernelMillis !== null) events.timed(kernelMillis);
        if (status === 'ok') events.done(null);
        // Runs go with stop_on_error off (execution.js), so no earlier failure aborts one: an aborted
        // run's kernel died (the server restarts it) or was restarted.
        else events.done(traceback || (status === 'aborted'
          ? 'The Jupyter kernel stopped before this run finished: it died (the server restarts it) or was restarted, and its variables are lost.'
          : `The run ended: ${status}`));
      }, (failure) => events.done(traceback || messageOf(failure)));
    },
    interrupt(failed) {
      remote.interrupt().catch((failure) => failed(messageOf(failure)));
    },
    restart(restarted, failed) {
      remote.restart().then(() => restarted(), (failure) => failed(messageOf(failure)));
    },
    /** The names completing the code before `cursor`, each as the whole token it replaces (`os.path` for `os.pa`). */
    complete(code, cursor, names) {
      remote.complete(code, cursor).then(({ matches, cursorStart }) => {
        const start = Math.min(cursorStart ?? cursor, cursor);
        const lastToken = code.slice(0, cursor).match(/[\w.]*$/)[0];
        const tokenStart = cursor - lastToken.length;
        names(matches.map((match) => code.slice(tokenStart, start) + match));
      }, () => names([]));
    },
    /** Help on the name at `cursor` (signature, type, docstring), as text: '' when the kernel has none. */
    inspect(code, cursor, text) {
      remote.inspect(code, cursor).then((help) => text(help), () => text(''));
    },
    /** The kernel's variables: [{name, type, repr}]; [] when it cannot say. */
    variables(listed) {
      remote.variables().then((variables) => listed(variables), () => listed([]));
    },
    /**
     * read(json): the encoded copy of the kernel's global `name` (global-value.js) as JSON text, which
     * the report's frame decodes (frame/python-copies.js); or failed(message): no such global, no copy.
     */
    readGlobal(name, read, failed) {
      remote.readGlobal(name).then((copy) => read(JSON.stringify(copy)), (failure) => failed(messageOf(failure)));
    },
    /**
     * Writes the notebook's .ipynb text as `path` on the server (server-files.js): saved(path, url), the
     * url opening it in JupyterLab there; or failed(message, exists), exists when a file is there and
     * `replace` is false.
     */
    saveNotebook(path, ipynbText, replace, saved, failed) {
      remote.saveNotebook(path, ipynbText, { replace }).then(({ path: written, url }) => saved(written, url),
        (failure) => failed(messageOf(failure), failure?.name === 'FileExists'));
    },
    /**
     * Copies the user's data files ({name: base64}) to the server's root folder: copied(copiedNames, keptNames),
     * the names joined by newlines (kept: already on the server, left as they are); or failed(message).
     */
    copyDataFiles(files, copied, failed) {
      remote.copyDataFiles(files).then(({ copied: written, kept }) => copied(written.join('\n'), kept.join('\n')),
        (failure) => failed(messageOf(failure)));
    },
    /** listed(entries): the folders and notebooks of the server's folder `path`, each {name, path, folder}; or failed(message). */
    listFolder(path, listed, failed) {
      remote.listFolder(path).then((entries) => listed(entries), (failure) => failed(messageOf(failure)));
    },
    /** read(text): the notebook file `path` of the server (an .ipynb as its JSON); or failed(message). */
    readNotebook(path, read, failed) {
      remote.readNotebook(path).then((text) => read(text), (failure) => failed(messageOf(failure)));
    },
    /** listener(status, detail): the kernel's and the connection's status (remote-kernel.js onStatus). */
    onStatus(listener) {
      return remote.onStatus((status, detail) => listener(status, detail || ''));
    },
    /** listener(name, text): what the kernel prints after the run that printed it ended (outside-runs.js). */
    onOutputOutsideRuns(listener) {
      return remote.onOutputOutsideRuns(listener);
    },
    dispose() {
      remote.dispose().catch(() => {});
    },
  };
}
