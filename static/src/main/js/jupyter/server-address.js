// Where a Jupyter server is, and its token, from what a user pastes: the URL the server prints when it
// starts (http://127.0.0.1:8888/lab?token=abc), its address alone (localhost:8888), or a JupyterHub
// user's server (https://hub.example/user/alice/lab).
//
//   parseServerAddress('http://host:8888/lab?token=abc')   // {baseUrl: 'http://host:8888/', token: 'abc'}

/**
 * First path segments of the server's own pages and API: the base path (the server's
 * ServerApp.base_url, '/' unless it runs behind a proxy or a hub) is what comes before the first of them.
 */
const PAGE_SEGMENTS = new Set([
  'lab', 'tree', 'notebooks', 'edit', 'doc', 'consoles', 'terminals', 'view', 'files', 'api', 'login', 'logout', 'voila',
]);

/**
 * {baseUrl, token} of the server at `text`: baseUrl is its origin and base path, ending in '/', with no
 * query or fragment; token is its `?token=` ('' when there is none). Throws an Error that says why
 * when `text` is not an http(s) address. Without a scheme, http:// is assumed.
 */
export function parseServerAddress(text) {
  const given = String(text ?? '').trim();
  if (given === '') {
    throw new Error('No Jupyter server address: give the URL the server printed when it started, like http://localhost:8888/lab?token=…');
  }
  // Without "//" the URL parser would take "localhost:" in "localhost:8888" for a scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new Error(`"${withoutToken(given)}" is not a web address: give one like http://localhost:8888/`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`A Jupyter server address starts with http:// or https://, not ${url.protocol}//`);
  }
  return { baseUrl: `${url.origin}${basePath(url.pathname)}`, token: url.searchParams.get('token') ?? '' };
}

/**
 * The base path in `pathname`: up to the first page segment, skipping a hub's "user/NAME" (so that a
 * user named "tree" keeps their server). Always starts and ends with '/'.
 */
function basePath(pathname) {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const kept = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'user' && i + 1 < segments.length) {
      kept.push(segments[i], segments[i + 1]);
      i++;
    } else if (PAGE_SEGMENTS.has(segments[i])) {
      break;
    } else {
      kept.push(segments[i]);
    }
  }
  return kept.length === 0 ? '/' : `/${kept.join('/')}/`;
}

/** `text` with the value of any token parameter hidden, for messages. */
function withoutToken(text) {
  return text.replace(/([?&#]token=)[^&#\s]*/gi, '$1…');
}
