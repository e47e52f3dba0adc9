// Starting the eval frame, for both ways it gets its files (evalframe.html loads them by URL; a
// handed frame, page/handed-frame-boot.js, from blob: URLs): the modules go on window before the
// Java code starts (it keeps its own references and calls them through @JSBody bindings), then main.

/**
 * `modules`, imported in this order: report-libs.js, frame-runtime.js, uncaught-errors.js,
 * python-worker-support.js, pyodide-support.js, page-support.js, evalframe.js (the TeaVM main).
 * `packageOffer` is a handed frame's offer from the editor page to fetch the package index's files,
 * {port, index} (frame/package-fetches.js); a served frame takes its own in startEarly.
 */
export function startEvalFrame([reportLibs, frameRuntime, uncaughtErrors, pythonWorker, pyodideSupport, pageSupport,
  evalFrame], win = window, packageOffer = null) {
  // The settings in the frame's URL fragment, as the frame was made with them: read from here on
  // (hash-parameters.js), whatever later changes the fragment (a notebook's code, a link).
  if (win.jodideFrameHash === undefined && win.location) win.jodideFrameHash = win.location.hash;
  const {
    sanitizeHtml, sanitizeLiveOutputHtml, renderMath, renderAllMath, renderIsolated, isolatedRoot, snapshotReport, anchorChunk,
    followFragmentLinks, openReportLinksOutside, drawDiagramsIn,
  } = reportLibs;
  // Mermaid comes from the page that made the frame, on the first diagram (frame/site-modules.js).
  const loadMermaid = () => frameRuntime.importSiteModule('mermaid.js', { win });
  win.jodideReportLibs = {
    sanitizeHtml, sanitizeLiveOutputHtml, renderMath, renderAllMath, renderIsolated, isolatedRoot, snapshotReport, anchorChunk,
    followFragmentLinks, openReportLinksOutside, drawDiagramsIn: (root) => drawDiagramsIn(root, loadMermaid),
  };
  win.jodideFrameRuntime = frameRuntime;
  win.jodideUncaughtErrors = { watchUncaughtErrors: uncaughtErrors.watchUncaughtErrors };
  win.jodidePythonWorker = pythonWorker;
  win.jodidePyodideSupport = pyodideSupport;
  win.jodidePageSupport = pageSupport;
  // A served frame asked the editor page for Pyodide's big files (evalframe.html): Python on this
  // thread takes them from there too (the worker gets them from python-worker-frame.js).
  if (win.jodidePyodideFiles) {
    const siteUrl = new URL('.', win.location.href).href;
    pythonWorker.answerFetchesFromHandedFiles(win, siteUrl, win.jodidePyodideFiles);
    pyodideSupport.handModuleScript(siteUrl, win.jodidePyodideFiles);
  }
  if (packageOffer) {
    pythonWorker.fetchPackagesThroughPage(win, packageOffer);
  }
  evalFrame.main([]);
}
