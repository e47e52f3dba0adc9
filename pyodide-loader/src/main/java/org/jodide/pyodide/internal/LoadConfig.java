package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** Overlay of Pyodide's {@code loadPyodide} configuration object. */
public interface LoadConfig extends JSObject {
    @JSProperty
    void setIndexURL(String url);

    @JSProperty
    void setPackageBaseUrl(String url);

    @JSProperty
    void setFullStdLib(boolean full);

    @JSBody(script = "return {};")
    static LoadConfig create() {
        throw new UnsupportedOperationException("browser only");
    }
}
