package org.jodide.pyodide.internal;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The JS function the Python kernel calls with each rich output: (mime type, data, display id or
 * "" for none, whether it updates that id's displays instead of adding one).
 */
@JSFunctor
public interface DisplaySink extends JSObject {
    void show(String mimeType, String data, String displayId, boolean update);
}
