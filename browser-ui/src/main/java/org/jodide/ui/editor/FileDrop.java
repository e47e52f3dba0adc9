package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.function.Consumer;

/**
 * Dropping a notebook file onto the page opens it (as a {@code ?notebook=} link does), instead
 * of CodeMirror's default, which inserts the file's text into the notebook at the drop point.
 * The listeners capture the drag events before the editor sees them, and only for drags that
 * carry a notebook file (.iomd, or a format {@link NotebookFormats} opens converted: .ipynb, .py,
 * .jsmd, and .html, which says so when the page holds no notebook):
 * dragging text, or another file into the editor's text, works as before. Other files dropped
 * elsewhere on the page become data files for Python ({@link DataFilesDialog}).
 */
final class FileDrop {
    /** Hears a dropped notebook: its name and its text (decoded as UTF-8, a byte order mark kept). */
    interface Opener {
        void open(String fileName, String text);
    }

    private FileDrop() {
    }

    /**
     * @param note      hears why a dropped notebook could not be read
     * @param dataFiles hears a drop of other files outside the editor's text
     */
    static void install(HTMLDocument document, Opener opener, Consumer<String> note, Consumer<Event> dataFiles) {
        document.addEventListener("dragover", event -> {
            if (carriesFiles(event)) {
                // Without this the browser refuses the drop (and would navigate to the file).
                event.preventDefault();
            }
        }, true);
        document.addEventListener("drop", event -> {
            if (!carriesFiles(event)) {
                return;
            }
            String name = firstFileName(event);
            if (!NotebookFormats.opensAsNotebook(name)) {
                // Other files keep CodeMirror's behaviour in the editor (their text is inserted);
                // elsewhere the browser would leave the page to show the file.
                if (!inEditor(event)) {
                    event.preventDefault();
                    dataFiles.accept(event);
                }
                return;
            }
            event.preventDefault();
            event.stopPropagation();
            readFirstFile(event, (text, error) -> {
                if (error != null) {
                    note.accept("Could not open " + name + ": " + error);
                } else {
                    opener.open(name, text);
                }
            });
        }, true);
    }

    @JSBody(params = "event", script = "return window.jodidePageSupport.carriesFiles(event);")
    private static native boolean carriesFiles(Event event);

    @JSBody(params = "event", script = "return window.jodidePageSupport.inEditor(event);")
    private static native boolean inEditor(Event event);

    @JSBody(params = "event", script = "return window.jodidePageSupport.firstFileName(event);")
    private static native String firstFileName(Event event);

    /** Reads the first dropped file's bytes and decodes them keeping a byte order mark (the file is the user's). */
    @JSBody(params = {"event", "callback"}, script = "window.jodidePageSupport.readFirstFile(event, callback);")
    private static native void readFirstFile(Event event, TextAnswer callback);
}
