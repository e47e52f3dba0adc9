// The eval frame's JavaScript side of its runtimes, bundled as frame-runtime.js; evalframe.html
// puts this module on window.jodideFrameRuntime before the Java code starts, and the Java classes
// of org.jodide.ui.frame call it with one-expression @JSBody bindings.

export { callPlugin, describe, evaluateChunk, formatError, hasFunction, logOutsideRuns } from './js-evaluator.js';
import { javascriptHelp as helpOn } from './completions.js';
import { previewOf, typeOf } from './workspace.js';

export { javascriptNames } from './completions.js';
export { javascriptGlobals, recordBaseline } from './workspace.js';

/** Help on the JavaScript name at the cursor, values previewed as the workspace shows them. */
export const javascriptHelp = (before, after) => helpOn(before, after, globalThis, previewOf, typeOf);
export { loadFetchLine } from './fetch-loader.js';
export { loadPluginSpec } from './plugin-spec.js';
export { installIodideGlobal } from './iodide-global.js';
export { frameDataFiles } from './data-files.js';
export { hashParameter } from './hash-parameters.js';
export { startEvalFrame } from './start-frame.js';
export { loadMicroPython } from './micropython-loader.js';
export { setPythonOnServer } from './jodide-global.js';
export { importSiteModule } from './site-modules.js';
