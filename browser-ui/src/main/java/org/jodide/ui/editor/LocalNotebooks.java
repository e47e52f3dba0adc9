package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;

/**
 * The notebooks kept in this browser's IndexedDB (static/src/main/js/page/local-notebooks.js,
 * where the record's fields are described): {@link Autosave} stores the notebook being edited,
 * {@link NotebookListDialog} lists, renames, duplicates and deletes them, and
 * {@code index.html?local=ID} opens one. Every call answers later through its callback; a
 * failure is a message, never an exception.
 */
final class LocalNotebooks {
    /** The id of the page's own notebook (index.html with no notebook named). */
    static final String UNTITLED = "untitled";

    private LocalNotebooks() {
    }

    /** A stored notebook. */
    interface Record extends JSObject {
        @JSProperty
        String getId();

        @JSProperty
        String getName();

        /** Where it came from (a URL, {@code link:...}, {@code file:NAME}), or null for one written here. */
        @JSProperty
        String getPlace();

        @JSProperty
        String getText();

        @JSProperty
        boolean isByteOrderMark();

        @JSProperty
        boolean isTrusted();

        /** Milliseconds since the Unix epoch. */
        @JSProperty
        double getModified();

        /** The FileSystemFileHandle that Save writes to, or null. */
        @JSProperty
        JSObject getFileHandle();
    }

    /**
     * The notebook with the outputs kept with it, as Download .ipynb writes them (or the Jupyter
     * notebook a file opened from was, until it runs), or null: most records have no such field,
     * and a missing field reads as {@code undefined}, which is no Java string.
     */
    @JSBody(params = "record", script = "return typeof record.jupyterSource === 'string' ? record.jupyterSource : null;")
    static native String jupyterSourceOf(Record record);

    /** Exactly one of {@code record} and {@code error} is non-null, except for a load of nothing: both null. */
    @JSFunctor
    interface RecordAnswer extends JSObject {
        void answer(Record record, String error);
    }

    @JSFunctor
    interface ListAnswer extends JSObject {
        void answer(JSArrayReader<Record> records, String error);
    }

    @JSFunctor
    interface Done extends JSObject {
        /** @param error null when done */
        void done(String error);
    }

    /** The notebook kept under {@code id}: answered with null (and no error) when there is none. */
    @JSBody(params = {"id", "answer"}, script = "window.jodidePageSupport.loadLocalNotebook(id, answer);")
    static native void load(String id, RecordAnswer answer);

    /** Keeps the text and what goes with it under {@code id}; the file handle stored before stays. */
    @JSBody(params = {"id", "name", "place", "text", "byteOrderMark", "trusted", "answer"},
            script = "window.jodidePageSupport.storeLocalNotebook({id: id, name: name, place: place, text: text,"
                    + " byteOrderMark: byteOrderMark, trusted: trusted}, answer);")
    static native void store(String id, String name, String place, String text, boolean byteOrderMark, boolean trusted,
                             RecordAnswer answer);

    /** Creates or replaces the whole notebook {@code id}, with its name and without a file. */
    @JSBody(params = {"id", "name", "place", "text", "byteOrderMark", "trusted", "fileHandle", "answer"},
            script = "window.jodidePageSupport.storeLocalNotebook({id: id, name: name, place: place, text: text,"
                    + " byteOrderMark: byteOrderMark, trusted: trusted, fileHandle: fileHandle}, answer);")
    static native void create(String id, String name, String place, String text, boolean byteOrderMark, boolean trusted,
                              JSObject fileHandle, RecordAnswer answer);

    /** Remembers the file Save writes the notebook {@code id} to, and names the notebook after it. */
    @JSBody(params = {"id", "fileHandle", "answer"},
            script = "window.jodidePageSupport.storeLocalNotebook({id: id, fileHandle: fileHandle,"
                    + " name: window.jodidePageSupport.iomdName(fileHandle.name)}, answer);")
    static native void storeFile(String id, JSObject fileHandle, RecordAnswer answer);

    /** Keeps with the notebook {@code id} the Jupyter notebook it was opened from, for the outputs saved in it. */
    @JSBody(params = {"id", "ipynb", "answer"},
            script = "window.jodidePageSupport.storeLocalNotebook({id: id, jupyterSource: ipynb}, answer);")
    static native void storeJupyterSource(String id, String ipynb, RecordAnswer answer);

    @JSBody(params = "answer", script = "window.jodidePageSupport.listLocalNotebooks(answer);")
    static native void list(ListAnswer answer);

    @JSBody(params = {"id", "done"}, script = "window.jodidePageSupport.deleteLocalNotebook(id, done);")
    static native void delete(String id, Done done);

    @JSBody(params = {"id", "name", "answer"}, script = "window.jodidePageSupport.renameLocalNotebook(id, name, answer);")
    static native void rename(String id, String name, RecordAnswer answer);

    @JSBody(params = {"id", "answer"}, script = "window.jodidePageSupport.duplicateLocalNotebook(id, answer);")
    static native void duplicate(String id, RecordAnswer answer);

    /** A new id, {@code prefix:} and random digits. */
    @JSBody(params = "prefix", script = "return window.jodidePageSupport.newLocalNotebookId(prefix);")
    static native String newId(String prefix);

    /** {@code name} as an .iomd file name. */
    @JSBody(params = "name", script = "return window.jodidePageSupport.iomdName(name);")
    static native String iomdName(String name);

    /** The id named by the page's {@code ?local=}, or null. */
    @JSBody(script = "return new URLSearchParams(location.search).get('local');")
    static native String requestedId();

    /** The page's URL opening the notebook {@code id}, keeping the page's other settings (the view, the theme). */
    @JSBody(params = "id", script = "const url = new URL(location.href); url.searchParams.delete('notebook');"
            + " url.searchParams.set('local', id); url.hash = ''; return url.href;")
    static native String urlOf(String id);

    /** Makes the page's URL the one of notebook {@code id} (no reload, no new history entry): a reload reopens it. */
    static void showInAddressBar(String id) {
        replaceUrl(urlOf(id));
    }

    @JSBody(params = "url", script = "history.replaceState(history.state, '', url);")
    private static native void replaceUrl(String url);
}
