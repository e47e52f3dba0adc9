package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The JSON object the Python kernel's {@code run} returns: {@code {"value": str|null, "error": str|null}}. */
public interface RunReply extends JSObject {
    @JSProperty
    String getValue();

    @JSProperty
    String getError();

    @JSBody(params = "json", script = "return JSON.parse(json);")
    static RunReply parse(String json) {
        throw new UnsupportedOperationException("browser only");
    }
}
