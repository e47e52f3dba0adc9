package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Overlay of the exports of {@code codemirror.js} (source: {@code static/src/main/js/editor}),
 * which the page's module script puts on {@code window.jodideCodeMirror} before the Java code
 * starts:
 *
 * <pre>{@code
 * import { createNotebookEditor, findNotebookEditor } from "./codemirror.js";
 * window.jodideCodeMirror = { createNotebookEditor, findNotebookEditor };
 * }</pre>
 */
public interface CodeMirrorModule extends JSObject {
    /** Creates a CodeMirror view over a whole .iomd document inside {@code parent}. */
    NotebookEditor createNotebookEditor(HTMLElement parent, EditorOptions options);

    /** The console's input in place of {@code textarea} (console-editor.js). */
    ConsoleEditor createConsoleEditor(HTMLElement textarea, ConsoleEditor.Options options);

    /**
     * The editor the page started from its textarea before the Java code loaded (so typing works
     * at once), or null; see {@code startNotebookEditor} in {@code static/src/main/js/editor}.
     */
    @JSProperty
    EarlyEditor getEarly();

    /** The module on {@code window.jodideCodeMirror}, or null when the page did not load it. */
    @JSBody(script = "return window.jodideCodeMirror || null;")
    static CodeMirrorModule current() {
        throw new UnsupportedOperationException("browser only");
    }
}
