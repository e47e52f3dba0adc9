// How the embed script frames the report frame (evalframe.html) in a page of any site: the same
// sandboxed frame the editor makes (page/eval-frame.js), loaded from the site by its URL with
// `#embedded=1`, which makes it take its channel from whatever page framed it (EvalFrameMain). It is
// kept out of sight: the cells show the output. The Java side's EvalFrame calls these three
// functions (EvalFrame.FrameSupport).

import { EVAL_FRAME_SANDBOX } from '../page/eval-frame.js';
import { absolutePackageIndex } from '../page/package-files.js';

/**
 * The frame support for a site at `siteUrl` (absolute, ending with '/'). `python` is the page's
 * choice of Python (the script tag's data-jodide-python: "micropython"; null for Pyodide), which the
 * frame reads from its address as the editor's frame does; `packageIndex` the page's package index
 * (data-jodide-package-index, relative to the page; null for the official one). `pageSupport` gives
 * the site's page-support.js once the application has loaded it (frames are made after that): its
 * answerEmbeddedFrame hands the frame Pyodide's files and the index's from this page's cache.
 */
export function embedFrameSupport(siteUrl, python = null, packageIndex = null, pageSupport = () => null) {
  const pythonSetting = python ? `&python=${encodeURIComponent(python)}` : '';
  const index = absolutePackageIndex(packageIndex, document.baseURI);
  const indexSetting = packageIndex ? `&packageIndex=${encodeURIComponent(index)}` : '';
  return {
    createEvalFrame(container, theme) {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', EVAL_FRAME_SANDBOX);
      // Python in a worker, which Stop interrupts keeping its variables, where the page is
      // cross-origin isolated; elsewhere Python runs on the frame's thread and Stop restarts it.
      iframe.setAttribute('allow', 'cross-origin-isolated');
      iframe.setAttribute('title', 'Jodide kernel');
      iframe.setAttribute('aria-hidden', 'true');
      iframe.setAttribute('tabindex', '-1');
      iframe.addEventListener('load', () => { iframe.dataset.loaded = 'true'; }, { once: true });
      hideFrame(iframe);
      container.appendChild(iframe);
      const support = pageSupport();
      if (support) support.answerEmbeddedFrame(iframe, siteUrl, index);
      iframe.setAttribute('src',
        `${siteUrl}evalframe.html#embedded=1&theme=${encodeURIComponent(theme || 'auto')}${pythonSetting}${indexSetting}`);
      return iframe;
    },
    adoptEarlyEvalFrame() {
      return null;
    },
    whenEvalFrameLoaded(iframe, callback) {
      if (iframe.dataset.loaded === 'true') {
        setTimeout(() => callback(), 0);
        return;
      }
      iframe.addEventListener('load', () => callback(), { once: true });
    },
  };
}

/**
 * The out-of-sight place of the page's kernel frame: a 1x1 transparent box (not display: none, which
 * would stop the frame's rendering) in a closed shadow root. Styled through the CSSOM, which a page's
 * Content-Security-Policy does not restrict (style attributes and <style> elements it may refuse),
 * and with !important, which the page's own rules cannot override.
 */
export function hiddenFrameContainer(document) {
  const host = document.createElement('div');
  host.setAttribute('data-jodide-kernel', '');
  const hidden = {
    all: 'initial', position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', overflow: 'hidden',
    opacity: '0', 'pointer-events': 'none', 'z-index': '-1',
  };
  for (const [property, value] of Object.entries(hidden)) host.style.setProperty(property, value, 'important');
  const container = document.createElement('div');
  host.attachShadow({ mode: 'closed' }).append(container);
  document.body.appendChild(host);
  return container;
}

/** Sizes a kernel frame made in the hidden container (see hiddenFrameContainer). */
export function hideFrame(iframe) {
  for (const [property, value] of Object.entries({ width: '1px', height: '1px', border: '0' })) {
    iframe.style.setProperty(property, value, 'important');
  }
}
