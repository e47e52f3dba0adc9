// page-support.js: small browser helpers of the editor page and the eval frame (org.jodide.ui.dom,
// org.jodide.ui.editor, org.jodide.ui.frame), on window.jodidePageSupport (index.html,
// evalframe.html). The Java side binds each function with a one-expression @JSBody.

export {
  requestedNotebookUrl, fetchText, lastPathSegment, offerText, carriesFiles, inEditor, firstFileName, readFirstFile, listenForPickedFiles,
} from './notebook-files.js';
export {
  linkedNotebookData, readLinkedNotebook, makeNotebookLink, copyText, reloadOnLinkedNotebookChange,
} from './notebook-link.js';
export {
  loadLocalNotebook, storeLocalNotebook, listLocalNotebooks, deleteLocalNotebook, renameLocalNotebook,
  duplicateLocalNotebook, newLocalNotebookId, iomdName,
} from './local-notebooks.js';
export {
  listDataFiles, addDataFile, saveDataFileBytes, readAllDataFiles, downloadDataFile, deleteDataFile, downloadBase64,
} from './data-files.js';
export { holdNotebook, takeNotebook, releaseNotebook } from './notebook-lock.js';
export { saveNotebookFile, pickNotebookFile } from './notebook-save.js';
export { readStorage, writeStorage, removeStorage } from './storage.js';
export { onPageLeft, warnBeforeLeaving, listenMessages, listenMessagesWithPorts, listenPort, postToPort, postBytesToPort,
  flushPort, closePort,
} from './page-events.js';
export { takeBytes } from './message-bytes.js';
export { forwardedSettings, setUrlParameter, isMacPlatform } from './url-settings.js';
export { quoteJson, unquoteJson, joinParts } from './json-strings.js';
export { countLineFeeds, lastLineFeed, lineFeedFrom, mayHoldEscapes, movesTheCursor, nthLineFeed, slice } from './text.js';
export { createEvalFrame, startEarlyEvalFrame, adoptEarlyEvalFrame, whenEvalFrameLoaded } from './eval-frame.js';
export { answerEmbeddedFrame } from './handed-frame.js';
export { registerOfflineCache } from './offline.js';
export { loadJupyterClient } from './jupyter-client-loader.js';
export { loadMarkdownEngine } from './markdown-engine.js';
export { resolveRelativeUrls } from './html-urls.js';
export { openReportLink } from './report-links.js';
export { whenUserActive } from './user-activation.js';
