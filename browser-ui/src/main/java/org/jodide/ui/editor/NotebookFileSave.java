package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Save's way to a file (static/src/main/js/page/notebook-save.js): in place through the File
 * System Access API when the notebook has a file, else the browser's save dialog where it has
 * one (Chromium), else a download.
 */
final class NotebookFileSave {
    private NotebookFileSave() {
    }

    @JSFunctor
    interface Saved extends JSObject {
        /**
         * @param handle the file written to (kept for the next Save), or null
         * @param how    {@code in-place}, {@code picked}, {@code downloaded} or {@code cancelled}; null on an error
         * @param error  why nothing was written, or null
         */
        void saved(JSObject handle, String how, String error);
    }

    /** Writes {@code content} (the exact text, a byte order mark included) to {@code handle}, or where the user says. */
    @JSBody(params = {"handle", "suggestedName", "content", "saved"},
            script = "window.jodidePageSupport.saveNotebookFile(handle, suggestedName, content, saved);")
    static native void save(JSObject handle, String suggestedName, String content, Saved saved);
}
