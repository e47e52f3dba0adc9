// What went wrong between this page and a Jupyter server, said so that a user can act on it. The
// library (@jupyterlab/services) throws ServerConnection.NetworkError when a request never got an
// answer (server down, wrong address, or the browser refusing the answer: CORS, mixed content), and
// ServerConnection.ResponseError for an HTTP error status; a refused token is a 403 (401 behind some
// proxies). The token never appears in a message: see redacted.

import { ServerConnection } from '@jupyterlab/services';

/**
 * A function (error, doing) -> Error for the server at `baseUrl`, where `doing` says what was being
 * done ("start a python3 kernel"). The Error's message is a sentence for the user and its cause the
 * library's error.
 */
export function failureDescriber({ baseUrl, token }) {
  return (error, doing) => {
    if (error instanceof ServerConnection.NetworkError) {
      return unreachableServer(baseUrl, error);
    }
    const status = error instanceof ServerConnection.ResponseError ? error.response.status : 0;
    if (status === 401 || status === 403) {
      return refusedToken(baseUrl, status, token !== '', error);
    }
    const said = redacted(String(error?.message ?? error), token);
    const http = status ? ` (HTTP ${status})` : '';
    return new Error(`Could not ${doing} on the Jupyter server at ${baseUrl}${http}: ${said}`, { cause: error });
  };
}

/** No answer from the server: it is down, the address is wrong, or the browser did not let the answer in. */
export function unreachableServer(baseUrl, cause) {
  const origin = pageOrigin();
  const allow = origin ? `--ServerApp.allow_origin=${origin}` : "--ServerApp.allow_origin='<this page's origin>'";
  return new Error(`Could not reach the Jupyter server at ${baseUrl}. Check that it is running and that the address is `
    + `right. If it is, it must accept requests from this page: start it with ${allow} (or set `
    + `c.ServerApp.allow_origin in its configuration).${mixedContentHint(baseUrl)}`, { cause });
}

/** The server turned the token down, or wants one that was not given. */
export function refusedToken(baseUrl, status, hadToken, cause) {
  const what = hadToken ? 'refused the token' : 'needs a token and none was given';
  return new Error(`The Jupyter server at ${baseUrl} ${what} (HTTP ${status}). Use the URL it printed when it started, `
    + 'with its ?token=…, or the token that `jupyter server list` shows.', { cause });
}

/** Something answered at the address, but not Jupyter's API. */
export function notAJupyterServer(baseUrl, status) {
  return new Error(`${baseUrl} answered (HTTP ${status}), but not as a Jupyter server: check the address, and its `
    + 'base path if the server runs behind a proxy (/user/NAME/ on a JupyterHub).');
}

/** The kernel was started, but its WebSocket did not come up or the kernel did not answer on it. */
export function unreachableKernel(baseUrl, seconds) {
  return new Error(`A kernel was started on the Jupyter server at ${baseUrl}, but it did not answer over its WebSocket `
    + `within ${seconds} s. A proxy between this page and the server must pass WebSockets, and the server's `
    + 'allow_origin applies to them too.');
}

/** `text` with every occurrence of `token` hidden: servers and proxies may quote a request back. */
export function redacted(text, token) {
  if (!token) {
    return text;
  }
  return [token, encodeURIComponent(token)].reduce((hidden, form) => hidden.split(form).join('[token]'), text);
}

function pageOrigin() {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? origin : null;
}

/** Browsers block plain http requests from an https page, except to the machine itself. */
function mixedContentHint(baseUrl) {
  const server = new URL(baseUrl);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(server.hostname);
  return globalThis.location?.protocol === 'https:' && server.protocol === 'http:' && !local
    ? ' This page is served over https, so the browser blocks plain http requests to other machines: serve Jupyter over https.'
    : '';
}
