package org.jodide.ui.frame;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Installs the {@code iodide} global that Iodide notebooks call ({@code iodide.output.text},
 * {@code iodide.output.element}, ...), built by {@code iodide-api.js} (installed by
 * {@code installIodideGlobal} of frame-runtime.js, which evalframe.html puts on
 * {@code window.jodideFrameRuntime} before the frame starts). What it writes goes where
 * {@link OutputPlace} says: the running chunk's place in the report.
 */
final class IodideGlobal {
    private IodideGlobal() {
    }

    /** The report element that {@code iodide.output} writes into now; null when no chunk has run. */
    @JSFunctor
    interface OutputPlace extends JSObject {
        HTMLElement current();
    }

    /** Sets {@code window.iodide}; false when the bundle is missing (the frame then has no {@code iodide}). */
    static boolean install(OutputPlace place) {
        return install(place, "jodide");
    }

    @JSBody(params = {"place", "version"},
            script = "return !!window.jodideFrameRuntime && window.jodideFrameRuntime.installIodideGlobal(place, version);")
    private static native boolean install(OutputPlace place, String version);

    /** Gives {@code iodide.file} a data file (its bytes, an ArrayBuffer, and when it was added or saved), replacing one of that name. */
    @JSBody(params = {"name", "bytes", "lastUpdated"},
            script = "window.jodideFrameRuntime.frameDataFiles.put(name, bytes, lastUpdated);")
    static native void putDataFile(String name, JSObject bytes, String lastUpdated);

    @JSBody(params = "name", script = "window.jodideFrameRuntime.frameDataFiles.remove(name);")
    static native void removeDataFile(String name);

    /** Hears that a request of notebook code about a data file is done ({@code error} null), or why not. */
    @JSFunctor
    interface Done extends JSObject {
        void done(String error);
    }

    /** {@code iodide.file.save}'s way to the editor. */
    @JSFunctor
    interface SaveRequest extends JSObject {
        void save(String name, String base64, boolean overwrite, Done done);
    }

    /** {@code iodide.file.delete}'s way to the editor. */
    @JSFunctor
    interface DeleteRequest extends JSObject {
        void delete(String name, Done done);
    }

    /** Lets {@code iodide.file.save} and {@code delete} ask the editor; false when the bundle is missing. */
    @JSBody(params = {"save", "remove"}, script = "if (!window.jodideFrameRuntime) return false;"
            + " window.jodideFrameRuntime.frameDataFiles.connect({ save, delete: remove }); return true;")
    static native boolean connectDataFiles(SaveRequest save, DeleteRequest remove);
}
