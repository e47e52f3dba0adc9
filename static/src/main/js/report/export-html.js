// "Export HTML": one self-contained page holding the report as it is shown (with its outputs) and
// the notebook's source, which a reader opens from disk (file://) with nothing installed.
//
//   const page = await exportHtml({ snapshot, css, source, fileName: 'sales.html', pageUrl: location.href });
//   offerText('sales.html', page);
//
// `snapshot` and `css` come from the report frame (snapshot.js), which runs notebook code: they are
// untrusted, and sanitized here, in the editor page, with DOMPurify (sanitize.js):
// - the report's light DOM as the report's markdown is (no script, no event handler attribute, no
//   javascript: URL), each shadow root's content as rich output is (its <style> kept);
// - each shadow root comes back as a declarative shadow root, <template shadowrootmode="open">,
//   which the HTML parser itself attaches (Chromium 111+, Safari 16.4+, Firefox 123+) with no
//   script: an output's own <style> keeps styling only that output, as in the report. Flattening
//   outputs into the page would let one output's CSS restyle the whole report.
// The page itself holds no script at all, and says so to the browser: its Content-Security-Policy
// (a <meta>, which browsers honour from file:// too) allows no script and loads nothing from
// anywhere but the page itself (data: images and fonts, inline styles), so even a sanitizer miss
// could neither run code nor reach the network.
// KaTeX's style sheet is not inlined (its fonts alone weigh ~300 KB): math shows as the MathML that
// KaTeX writes beside its HTML, which browsers render natively, and KaTeX's HTML is hidden.
// The source is the notebook's exact text in <pre id="notebook-source"> under a "Notebook source"
// <details>; its textContent gives it back character for character (a carriage return is written
// &#13;, which the parser keeps, and a first newline is protected). "Open in Jodide to run" links to
// the site that exported it, carrying the notebook (#iomd=, notebook-link.js).

import { sanitizeHtml, sanitizeIsolatedHtml } from './sanitize.js';
import { SHADOW_MARK } from './snapshot.js';
import { encodeNotebook, notebookLink } from '../page/notebook-link.js';

/** Rules the exported page adds after the report's own style sheet. */
export const EXPORT_CSS = ':root { color-scheme: light; }'
  + ' .katex-html { display: none; }'
  + ' .export-bar { max-width: 60rem; margin: 0 auto 1rem; padding: 0.4em 0; display: flex; flex-wrap: wrap;'
  + ' gap: 0.3em 1.5em; align-items: baseline; border-bottom: 1px solid #d8d8de; font-size: 13px; color: #55555f; }'
  + ' .export-open { font-weight: 600; font-size: 15px; }'
  + ' .export-source { max-width: 60rem; margin: 2rem auto 1rem; }'
  + ' .export-source > summary { cursor: pointer; color: #55555f; }'
  + ' .export-source > pre { white-space: pre-wrap; }'
  + ' @media print { .export-bar, .export-source { display: none; } }';

/** Added to every shadow root: KaTeX's HTML is hidden there too (see the top of this file). */
const SHADOW_CSS = '.katex-html { display: none; }';

/**
 * What the exported page may do: nothing but show itself. No script, no connection, no frame, no
 * form; images, fonts and media only from data: URLs; styles only inline.
 */
export const EXPORT_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:;"
  + " font-src data:; media-src data:; base-uri 'none'; form-action 'none'";

/**
 * The exported page of a report snapshot. Resolves to the page's HTML text.
 *
 * @param {object} parts
 * @param {string} parts.snapshot  the report's HTML from the frame (snapshot.js), untrusted
 * @param {string} parts.css       the notebook's css chunks as applied in the report, untrusted
 * @param {string} parts.source    the notebook's exact text
 * @param {string} parts.fileName  the notebook's file name, the title when the notebook has no heading
 * @param {string} parts.pageUrl   the editor page's URL: the link opens the notebook there
 * @param {string} [parts.reportCss] the report's style sheet; fetched beside the page when not given
 */
export async function exportHtml({ snapshot, css, source, fileName, pageUrl, reportCss, now = new Date() }) {
  const [link, styles] = await Promise.all([
    encodeNotebook(source).then((data) => notebookLink(data, pageUrl)),
    reportCss != null ? reportCss : reportStyles(pageUrl),
  ]);
  const report = sanitizeReport(snapshot);
  return exportDocument({
    title: titleOf(source, fileName), report, css: String(css ?? ''), reportCss: styles, source, link,
    exportedAt: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  });
}

/** For the Java side: callback(page, null), or callback(null, why). */
export function exportHtmlFor(snapshot, css, source, fileName, callback) {
  exportHtml({ snapshot, css, source, fileName, pageUrl: location.href })
    .then((page) => callback(page, null), (failure) => callback(null, String((failure && failure.message) || failure)));
}

/** The report's style sheet (report.css, beside the editor page at `pageUrl`), or '' when it cannot be read. */
export async function reportStyles(pageUrl) {
  try {
    const answer = await fetch(new URL('report.css', pageUrl).href);
    return answer.ok ? await answer.text() : '';
  } catch (failure) {
    return '';
  }
}

/** A report snapshot from the frame (untrusted), sanitized in this page's DOM (see sanitizeSnapshot). */
export function sanitizeReport(snapshot) {
  return sanitizeSnapshot(snapshot, { document, sanitizeLight: sanitizeHtml, sanitizeShadow: sanitizeIsolatedHtml });
}

/**
 * The snapshot sanitized, its shadow roots as declarative shadow roots. Each shadow root's content
 * is sanitized on its own (as rich output: its leading <style> kept), then the light DOM with a
 * marker in each root's place (as markdown); the markers become the sanitized roots only after
 * that, so nothing of a root is ever seen by the light DOM's sanitizer, and no markup in the
 * snapshot can make a marker (they carry a random nonce).
 */
export function sanitizeSnapshot(html, { document, sanitizeLight, sanitizeShadow, nonce = randomNonce() }) {
  const shadows = [];
  const holder = document.createElement('template');
  holder.innerHTML = String(html ?? '');
  const replaceShadows = (fragment) => {
    for (const template of Array.from(fragment.querySelectorAll(`template[${SHADOW_MARK}]`))) {
      replaceShadows(template.content);
      const marker = document.createElement('div');
      marker.setAttribute(MARKER, `${nonce}-${shadows.length}`);
      shadows.push(sanitizeShadow(template.innerHTML));
      template.replaceWith(marker);
    }
  };
  replaceShadows(holder.content);
  return expandShadows(sanitizeLight(holder.innerHTML), shadows, nonce);
}

const MARKER = 'data-export-shadow';

/**
 * `html` with each marker `<div data-export-shadow="NONCE-i"></div>` (as DOMPurify writes it)
 * replaced by a declarative open shadow root holding `shadows[i]`, whose own markers are replaced
 * the same way. A marker is used once.
 */
export function expandShadows(html, shadows, nonce) {
  const used = new Set();
  const pattern = new RegExp(`<div ${MARKER}="${escapeRegExp(nonce)}-(\\d+)"></div>`, 'g');
  const expand = (text) => text.replace(pattern, (whole, index) => {
    const i = Number(index);
    if (i >= shadows.length || used.has(i)) return '';
    used.add(i);
    return `<template shadowrootmode="open"><style>${SHADOW_CSS}</style>${expand(shadows[i])}</template>`;
  });
  return expand(String(html));
}

/**
 * The whole exported page. `report` must be sanitized already; everything else is escaped here.
 */
export function exportDocument({ title, report, css, reportCss, source, link, exportedAt }) {
  return reportDocument({
    title, css, reportCss,
    body: '<header class="export-bar">'
      + `<a class="export-open" id="open-in-jodide" href="${escapeAttribute(link)}">Open in Jodide to run</a>`
      + `<span>Exported from Jodide on ${escapeText(exportedAt)}: the outputs are as they were then; nothing on this page runs.</span>`
      + '</header>\n'
      + report + '\n'
      + '<details class="export-source"><summary>Notebook source (.iomd)</summary>'
      + `<pre id="notebook-source">\n${escapeText(source)}</pre></details>\n`,
  });
}

/**
 * A light-themed page of `body` under the report's styles and the notebook's css, which runs no
 * script and loads nothing (EXPORT_POLICY): the exported page's and the printed one's
 * (print-report.js). `body` must be sanitized or escaped already; the rest is escaped here.
 */
export function reportDocument({ title, body, css, reportCss }) {
  return '<!DOCTYPE html>\n'
    + '<html lang="en" data-theme="light">\n<head>\n<meta charset="utf-8">\n'
    + `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(EXPORT_POLICY)}">\n`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    + '<meta name="generator" content="Jodide">\n'
    + `<title>${escapeText(title)}</title>\n`
    + `<style>${styleText(reportCss)}</style>\n`
    + `<style>${EXPORT_CSS}</style>\n`
    + (css ? `<style class="report-style">${styleText(css)}</style>\n` : '')
    + '</head>\n<body>\n'
    + body
    + '</body>\n</html>\n';
}

/**
 * The title of a notebook: the text of the first ATX heading of its first md chunks (outside
 * fenced code), else `fileName` without its extension.
 */
export function titleOf(source, fileName) {
  let markdown = false;
  let fence = null;
  for (const line of String(source).split(/\r\n|\r|\n/)) {
    const delimiter = /^%%\s*([A-Za-z0-9_-]*)/.exec(line);
    if (delimiter) {
      markdown = delimiter[1] === 'md' || delimiter[1] === '';
      fence = null;
      continue;
    }
    if (!markdown) continue;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1][0];
      else if (fenceMark[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading && heading[1].trim()) return heading[1].trim();
  }
  return String(fileName || 'notebook').replace(/\.[^.]*$/, '') || 'notebook';
}

/** Text for element content (including <title> and <pre>): &, <, > escaped, a carriage return kept as &#13;. */
export function escapeText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(text) {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** CSS for a <style> element: a `</style` in it (which would end the element) is written `<\/style`, the same CSS. */
export function styleText(css) {
  return String(css ?? '').replace(/<\/(style)/gi, '<\\/$1');
}

function escapeRegExp(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function randomNonce() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
