package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame.FetchRequest;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Loads one line of a fetch chunk in the eval frame: data lines become globals of the frame
 * (so Python reads them with {@code from js import name}), js and css lines add a script or a
 * stylesheet. A failure is reported, never treated as success: an HTTP error status, a network
 * error, or a body that is not JSON for a json line. The JavaScript is
 * {@code static/src/main/js/frame/fetch-loader.js}.
 */
final class FetchLoader {
    private FetchLoader() {
    }

    @JSFunctor
    interface Done extends JSObject {
        /** {@code error} is null on success; {@code detail} says what was loaded. */
        void settled(String error, String detail);
    }

    static void load(FetchRequest request, Done done) {
        load(request.kind().name(), request.variableName(), request.url(), request.dataFile(), done);
    }

    @JSBody(params = {"kind", "variableName", "url", "dataFile", "done"},
            script = "window.jodideFrameRuntime.loadFetchLine(kind, variableName, url, done,"
                    + " { dataFile, dataFiles: window.jodideFrameRuntime.frameDataFiles });")
    private static native void load(String kind, String variableName, String url, String dataFile, Done done);
}
