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

    /** Gives {@code iodide.file.load} a data file (base64), replacing one of that name. */
    @JSBody(params = {"name", "base64"}, script = "window.jodideFrameRuntime.frameDataFiles.put(name, base64);")
    static native void putDataFile(String name, String base64);

    @JSBody(params = "name", script = "window.jodideFrameRuntime.frameDataFiles.remove(name);")
    static native void removeDataFile(String name);
}
