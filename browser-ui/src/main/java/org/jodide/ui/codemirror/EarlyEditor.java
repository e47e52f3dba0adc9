package org.jodide.ui.codemirror;

import org.teavm.jso.JSObject;

/**
 * Overlay of what {@code startNotebookEditor(textarea)} of {@code codemirror.js} returns: the
 * editor the page created before the Java code loaded, waiting to be claimed.
 */
public interface EarlyEditor extends JSObject {
    /** Takes the editor over: its events go to {@code options} from now on. Only once. */
    NotebookEditor claim(EditorOptions options);
}
