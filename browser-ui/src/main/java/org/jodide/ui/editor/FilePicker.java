package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The toolbar's Open… ({@code #open-notebook}): the browser's file picker, through the page's
 * hidden {@code <input type="file" id="open-file">}; the chosen file is read as UTF-8 text, its
 * byte order mark kept (static/src/main/js/page/notebook-files.js, {@code listenForPickedFiles}).
 *
 * <pre>{@code
 * FilePicker.listen(input, saver::openPicked);
 * button.addEventListener("click", event -> FilePicker.open(input));
 * }</pre>
 */
final class FilePicker {
    private FilePicker() {
    }

    /** Hears the picked file: its name, and its text or why it could not be read (exactly one non-null). */
    @JSFunctor
    interface Picked extends JSObject {
        void picked(String fileName, String text, String error);
    }

    /** {@code picked} hears every file chosen in {@code input}. */
    @JSBody(params = {"input", "picked"}, script = "window.jodidePageSupport.listenForPickedFiles(input, picked);")
    static native void listen(HTMLElement input, Picked picked);

    /** Opens the browser's file picker. */
    @JSBody(params = "input", script = "input.click();")
    static native void open(HTMLElement input);
}
