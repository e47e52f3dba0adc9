package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The toolbar's Open… ({@code #open-notebook}): the browser's file dialog. Where the browser has
 * the File System Access API the picked file comes with its handle, so that Save writes back to
 * it; elsewhere through the page's hidden {@code <input type="file" id="open-file">}. The chosen
 * file is read as UTF-8 text, its byte order mark kept (static/src/main/js/page/notebook-save.js
 * and notebook-files.js).
 *
 * <pre>{@code
 * FilePicker.listen(input, saver::openPicked);
 * button.addEventListener("click", event -> FilePicker.open(input, saver::openPicked));
 * }</pre>
 */
final class FilePicker {
    private FilePicker() {
    }

    /** Hears the picked file: its name, its text or why it could not be read (exactly one non-null), its handle or null. */
    @JSFunctor
    interface Picked extends JSObject {
        void picked(String fileName, String text, String error, JSObject handle);
    }

    /** {@code picked} hears every file chosen in {@code input} (without a handle). */
    @JSBody(params = {"input", "picked"}, script = "window.jodidePageSupport.listenForPickedFiles(input,"
            + " (name, text, error) => picked(name, text, error, null));")
    static native void listen(HTMLElement input, Picked picked);

    /** Opens the browser's file dialog; {@code picked} hears the file picked with a handle, the input's listener one without. */
    @JSBody(params = {"input", "picked"}, script = "window.jodidePageSupport.pickNotebookFile(input, picked);")
    static native void open(HTMLElement input, Picked picked);
}
