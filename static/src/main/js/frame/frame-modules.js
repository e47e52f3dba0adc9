// The eval frame's modules, in the order it imports them (frame/start-frame.js: startEvalFrame takes
// them in this order), named once for every place that loads or hands them: the editor page's
// handing of a served frame's modules (page/frame-scripts.js), a handed frame's files and its boot
// script (page/handed-frame.js, page/handed-frame-boot.js). evalframe.html keeps a copy, as it cannot
// import anything before it has its modules; frame-scripts.test.js checks that it agrees.

/** The modules an eval frame imports, in their order. */
export const FRAME_MODULES = Object.freeze([
  'report-libs.js', 'frame-runtime.js', 'uncaught-errors.js', 'python-worker-support.js', 'pyodide-support.js',
  'page-support.js', 'evalframe.js',
]);

/** The module whose startEvalFrame starts the frame, once all are imported. */
export const FRAME_STARTER = 'frame-runtime.js';
