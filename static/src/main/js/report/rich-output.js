// Shows one rich output (HTML, SVG or rendered markdown) where it cannot
// affect the page around it:
//
//   import { renderIsolated } from './report-libs.js';
//   renderIsolated(wrapperElement, html);
//
// The HTML is sanitized here (DOMPurify: no scripts, no event handlers), keeping its <style>
// elements, and goes into a closed shadow root, so its <style> rules apply to the output only. The
// shadow root's host sits in `wrapper`, a light-DOM element whose own style makes it a paint
// container: `:host` rules restyle the host but cannot reach outside the wrapper, and a
// `position: fixed` element is positioned and clipped inside the wrapper instead of covering the
// page. What the output's CSS may load (url(), @import, @font-face) is limited by the page's
// Content-Security-Policy, not here. See docs/architecture.md, "Where output renders and why".

/** The wrapper's inline style: see the comment at the top of this file. */
export const WRAPPER_STYLE = 'contain: paint; isolation: isolate; overflow: auto; position: relative;';

/** Styles every output starts with (its own <style> comes after and wins); highlighted code as in the report. */
const BASE_CSS = ':host { display: block; }'
  + ' table { border-collapse: collapse; }'
  + ' th, td { padding: 0.2em 0.6em; }'
  + ' img, svg { max-width: 100%; }'
  + ' pre { white-space: pre-wrap; }\n'
  + TOKEN_CSS;

/**
 * KaTeX's style sheet, linked into outputs that hold rendered math: relative to the page, as in its
 * <head>, unless useStylesFrom has named the site (a documentation page with embedded cells).
 */
let katexCss = 'katex/katex.min.css';

/** Links KaTeX's style sheet from the site at `siteUrl` (absolute, ending with '/'). */
export function useStylesFrom(siteUrl) {
  katexCss = new URL('katex/katex.min.css', siteUrl).href;
}

import { adoptedSheet } from './adopted-sheet.js';
import { TOKEN_CSS } from './token-colours.js';
import { sanitizeIsolatedHtml } from './sanitize.js';
import { watchOutputLinks } from './outside-links.js';

const roots = new WeakMap();

/**
 * Replaces the content of `wrapper` with a host element whose closed shadow root holds `html`,
 * sanitized. Returns the host.
 */
export function renderIsolated(wrapper, html, sanitize = sanitizeIsolatedHtml) {
  // Through the CSSOM and an adopted sheet, not a style attribute and a <style> element: a page whose
  // Content-Security-Policy has no 'unsafe-inline' for styles (a documentation page with embedded
  // cells) refuses those, not these. The attribute still serializes (snapshot.js copies adopted sheets).
  wrapper.style.cssText = WRAPPER_STYLE;
  const document = wrapper.ownerDocument;
  const host = document.createElement('div');
  host.className = 'isolated-output';
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [adoptedSheet(document, BASE_CSS)];
  watchOutputLinks(root);
  const clean = sanitize(String(html ?? ''));
  const content = document.createElement('div');
  content.className = 'isolated-content';
  content.innerHTML = clean;
  if (clean.includes('katex')) {
    const katex = document.createElement('link');
    katex.rel = 'stylesheet';
    katex.href = katexCss;
    root.append(katex);
  }
  root.append(content);
  wrapper.replaceChildren(host);
  roots.set(host, root);
  return host;
}

/**
 * The shadow root of `host`: the closed one renderIsolated made, or an open one (a custom element a
 * js chunk defined); null when it has none. For the report's snapshot (snapshot.js).
 */
export function shadowRootOf(host) {
  return roots.get(host) ?? host.shadowRoot ?? null;
}

/**
 * The element holding the output inside the shadow root of `host` (made by renderIsolated; null
 * for any other element). For tests and tools of the page itself: the pages that use this module
 * run no notebook code.
 */
export function isolatedRoot(host) {
  return roots.get(host)?.lastChild ?? null;
}
