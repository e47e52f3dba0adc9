package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.events.Event;

/**
 * The data files kept in this browser ({@code page/data-files.js}, IndexedDB): files the user adds
 * for the notebook's Python, which finds them in its home folder. Every call answers through its
 * callback; a failure is a message.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** A kept file, as listed: its name, its size in bytes, when it was added (ms since the epoch). */
    interface Listed extends JSObject {
        @JSProperty
        String getName();

        @JSProperty
        double getSize();
    }

    @JSFunctor
    interface ListAnswer extends JSObject {
        void answer(JSArrayReader<Listed> files, String error);
    }

    /**
     * Hears one file added: its name, bytes (an {@code ArrayBuffer}) and when it was kept (ISO 8601, as
     * {@code toISOString()} writes it), or why it was not.
     */
    @JSFunctor
    interface Added extends JSObject {
        void added(String name, JSObject bytes, String lastUpdated, String error);
    }

    /** Every kept file: an object {name: {bytes, lastUpdated}}. */
    @JSFunctor
    interface AllAnswer extends JSObject {
        void answer(JSObject files, String error);
    }

    @JSFunctor
    interface Done extends JSObject {
        void done(String error);
    }

    /** Hears each (name, bytes, lastUpdated) of {@link #readAll}'s object. */
    @JSFunctor
    interface Each extends JSObject {
        void file(String name, JSObject bytes, String lastUpdated);
    }

    @JSBody(params = "answer", script = "window.jodidePageSupport.listDataFiles(answer);")
    static native void list(ListAnswer answer);

    /** How many files a picked or dropped list ({@code FileList}) holds. */
    @JSBody(params = "files", script = "return files.length;")
    static native int count(JSObject files);

    @JSBody(params = {"files", "index"}, script = "return files[index];")
    static native JSObject fileAt(JSObject files, int index);

    @JSBody(params = "file", script = "return file.name;")
    static native String nameOf(JSObject file);

    /** Keeps the file (a {@code File}) as {@code name}, then calls {@code added}. */
    @JSBody(params = {"name", "file", "added"},
            script = "window.jodidePageSupport.addDataFile(name, file,"
                    + " (kept, error) => added(name, kept && kept.bytes, kept && kept.lastUpdated, error));")
    static native void add(String name, JSObject file, Added added);

    /**
     * Keeps bytes (base64: a file of Python's folder, what notebook code saves) as {@code name}, not over
     * a kept file unless {@code overwrite}, then calls {@code added}.
     */
    @JSBody(params = {"name", "base64", "overwrite", "added"},
            script = "window.jodidePageSupport.saveDataFileBytes(name, base64, overwrite,"
                    + " (kept, error) => added(name, kept && kept.bytes, kept && kept.lastUpdated, error));")
    static native void save(String name, String base64, boolean overwrite, Added added);

    /** The files a drop carries. */
    @JSBody(params = "event", script = "return event.dataTransfer ? event.dataTransfer.files : [];")
    static native JSObject droppedFiles(Event event);

    /** The files picked in a file input. */
    @JSBody(params = "input", script = "return input.files;")
    static native JSObject pickedFiles(JSObject input);

    @JSBody(params = "answer", script = "window.jodidePageSupport.readAllDataFiles(answer);")
    static native void readAll(AllAnswer answer);

    @JSBody(params = {"files", "each"},
            script = "for (const [name, kept] of Object.entries(files)) each(name, kept.bytes, kept.lastUpdated);")
    static native void forEach(JSObject files, Each each);

    @JSBody(params = {"name", "done"}, script = "window.jodidePageSupport.downloadDataFile(name, done);")
    static native void download(String name, Done done);

    /** Offers bytes (base64) as a download named {@code name}. */
    @JSBody(params = {"name", "base64"}, script = "window.jodidePageSupport.downloadBase64(name, base64);")
    static native void downloadBytes(String name, String base64);

    @JSBody(params = {"name", "done"}, script = "window.jodidePageSupport.deleteDataFile(name, done);")
    static native void delete(String name, Done done);
}
