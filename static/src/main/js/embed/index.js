// embed.js: runnable, editable cells in any page, with one tag:
//
//   <script src="https://SITE/embed.js" defer></script>
//   <pre data-iomd="py">x = 21</pre>   <pre data-iomd="py">print(x * 2)</pre>
//
// A classic script (it must work where the page says nothing but `src`), small, that does no more
// than it must before the page has loaded: it turns the marked blocks into cells (textareas first, so
// they are editable at once) and puts one global on window, `jodideEmbed`. Once the page has loaded
// it imports the rest from the site it came from (its own URL, or `data-jodide-site`): CodeMirror,
// the report libraries, the page helpers and the Java application (embed-app.js, TeaVM:
// org.jodide.ui.embed.EmbedMain), which runs the cells in one kernel shared by the page: the report's
// sandboxed frame, made on the first Run (Python loads then). A Run before the application has
// loaded waits for it. Markdown (notebooks' md chunks) renders with the site's markdown renderer,
// which page-support.js loads on the first markdown to show (markdown-engine.js). See docs/embed.md.

import { findBlocks, notebookOf } from './blocks.js';
import { makeCellView } from './cell-view.js';
import { makeNotebookView } from './notebook-view.js';
import { embedFrameSupport, hiddenFrameContainer } from './embed-frame.js';
import { embedLooks } from './looks.js';
import { encodeNotebook, notebookLink } from '../page/notebook-link.js';

const script = document.currentScript;

/** The site's folder (absolute, ending with '/'): where the script came from, or data-jodide-site. */
export function siteUrlOf(scriptElement, base = document.baseURI) {
  const explicit = scriptElement && scriptElement.dataset.jodideSite;
  const from = explicit || (scriptElement && scriptElement.src) || base;
  const url = new URL(explicit ? explicit.replace(/\/?$/, '/') : '.', new URL(from, base));
  return url.href;
}

/**
 * The page's blocks (blocks.js), those its data-jodide-selector names included, with the outputs its
 * data-jodide-output-selector names; a selector the browser refuses is said in the console and left out.
 */
function blocksOfThePage(scriptElement) {
  const selector = scriptElement && scriptElement.dataset.jodideSelector;
  const outputSelector = scriptElement && scriptElement.dataset.jodideOutputSelector;
  try {
    return findBlocks(document, document.baseURI, selector || null, outputSelector || null);
  } catch (refused) {
    console.error(`Jodide: data-jodide-selector="${selector}"${outputSelector ? ` or data-jodide-output-selector="${outputSelector}"` : ''}`
      + ` is not a CSS selector this browser can use (${refused.message}); only the page's data-iomd blocks become cells`);
    return findBlocks(document);
  }
}

function start() {
  if (window.jodideEmbed) return;
  const siteUrl = siteUrlOf(script);
  const looks = embedLooks(script && script.dataset.jodideTheme);
  const waiting = [];
  let application = null;
  let codeMirror = null;
  const namespace = {
    siteUrl,
    cells: [],
    /** The page's cells and notebooks (notebook-view.js), in document order. */
    blocks: [],
    /** The page's Python: "micropython" (data-jodide-python on the script tag), or null for Pyodide. */
    python: (script && script.dataset.jodidePython) || null,
    /** EvalFrame.FrameSupport for the Java application. */
    frameSupport: embedFrameSupport(siteUrl, (script && script.dataset.jodidePython) || null,
      (script && script.dataset.jodidePackageIndex) || null, () => namespace.pageSupport),
    /** Where the kernel's frame goes, made on the first call (the first Run). */
    frameContainer: () => namespace.kernelContainer || (namespace.kernelContainer = hiddenFrameContainer(document)),
    kernelContainer: null,
    /** Set by the application (EmbedMain) when it starts: hears the cells' actions. */
    act: null,
    /**
     * Set by the application when it starts: names for the cells' completion and help on a name
     * (cell-editor.js's `complete` and `inspect`), from the page's kernel once a cell has run.
     */
    complete: null,
    inspect: null,
    /** The application, loading: a promise that settles once it has started. */
    loading: null,
    /** When the application and CodeMirror started, in ms since navigation (performance.now). */
    editableAt: null,
    /**
     * The cells' theme: 'auto' (as the reader's system is set), 'light' or 'dark', for a page whose own
     * theme switch changes it (embed/looks.js; data-jodide-theme on the script tag sets the first).
     */
    setTheme: (theme) => looks.setTheme(theme),
    get theme() {
      return looks.theme;
    },
  };
  const withLook = (view) => {
    looks.follow((look, theme) => view.setLook(look, theme));
    return view;
  };
  const act = (action, cell) => {
    if (namespace.act) {
      namespace.act(action, cell);
      return;
    }
    waiting.push([action, cell]);
    cell.setStatus('Loading Jodide…');
    load();
  };
  for (const block of blocksOfThePage(script)) {
    if (block.kind === 'cell') {
      const cell = withLook(makeCellView(document, block, act, namespace.python));
      namespace.cells.push(cell);
      namespace.blocks.push(cell);
    } else {
      namespace.blocks.push(withLook(makeNotebookView(document, block, act, namespace.python)));
    }
  }
  // What the cells' editors ask the application for; nothing before it has started.
  const editorServices = {
    complete: (request, resolve) => (namespace.complete ? namespace.complete(request, resolve) : resolve(null)),
    inspect: (request, resolve) => (namespace.inspect ? namespace.inspect(request, resolve) : resolve('')),
  };
  // Cells of notebooks join namespace.cells when the application has parsed them (addCell).
  namespace.addCell = (notebook, language, code) => {
    const cell = withLook(notebook.addCell(language, code));
    watchOpenLink(cell);
    if (codeMirror) cell.mountEditor(codeMirror.createCellEditor, editorServices);
    namespace.cells.push(cell);
    return cell;
  };
  // "Open in Jodide": as a notebook in a link, made again when the reader points at or tabs to it (the
  // code may have changed). A cell of an embedded notebook opens that notebook (its markdown too); any
  // other cell, the page's cells as they are now, in page order: the notebook the page's kernel runs.
  const inPageOrder = (a, b) => (a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  const piecesOf = (opened) => (opened.kind === 'notebook' ? opened.pieces()
    : namespace.cells.slice().sort(inPageOrder).map((each) => ({ language: each.language, code: each.code() })));
  const openLink = (opened) => encodeNotebook(notebookOf(piecesOf(opened.notebook || opened)))
    .then((data) => opened.setOpenLink(notebookLink(data, `${siteUrl}index.html`)));
  const watchOpenLink = (opened) => {
    opened.setOpenLink(`${siteUrl}index.html`);
    const open = opened.root.querySelector('.jodide-open');
    open.addEventListener('pointerenter', () => openLink(opened));
    open.addEventListener('focus', () => openLink(opened));
  };
  namespace.blocks.forEach(watchOpenLink);
  window.jodideEmbed = namespace;
  if (namespace.blocks.length === 0) return;

  function load() {
    if (application) return namespace.loading;
    application = true;
    const site = (file) => import(`${siteUrl}${file}`);
    const notebooksRead = Promise.all(namespace.blocks.map((block) => block.ready));
    namespace.loading = Promise.all([site('codemirror.js'), site('report-libs.js'), site('page-support.js'),
      site('embed-app.js'), notebooksRead])
      .then(([editors, reportLibs, pageSupport, app]) => {
        codeMirror = editors;
        namespace.reportLibs = reportLibs;
        // Math in outputs links KaTeX's style sheet from the site, not from the page's folder.
        reportLibs.useStylesFrom(siteUrl);
        namespace.pageSupport = pageSupport;
        for (const cell of namespace.cells) cell.mountEditor(codeMirror.createCellEditor, editorServices);
        namespace.editableAt = performance.now();
        app.main([]);
        // The application has shown the notebooks' chunks: every cell and notebook gets its link.
        for (const opened of new Set([...namespace.blocks, ...namespace.cells])) openLink(opened);
        for (const [action, cell] of waiting.splice(0)) {
          cell.setStatus('');
          namespace.act(action, cell);
        }
      }, (failure) => {
        application = null;
        for (const block of namespace.blocks) {
          block.setStatus(`Jodide could not load from ${siteUrl}: ${failure && failure.message ? failure.message : failure}`);
        }
      });
    return namespace.loading;
  }

  // The rest loads once the page has (never before: it must not delay the page's own load).
  const whenIdle = () => setTimeout(load, 0);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

// In a task of its own after the document is parsed, not in this deferred script's run, which the
// page's DOMContentLoaded and load events wait for (EmbedBenchmark: making the cells there delayed a
// small page's load event by 20-85 ms).
// A deferred script runs before DOMContentLoaded, and a task it queues may run before that event too:
// start after the event (at once where it has passed: the script was added later).
const startSoon = () => setTimeout(start, 0);
const navigation = performance.getEntriesByType('navigation')[0];
if (document.readyState === 'complete' || (navigation && navigation.domContentLoadedEventEnd > 0)) {
  startSoon();
} else {
  document.addEventListener('DOMContentLoaded', startSoon, { once: true });
}
