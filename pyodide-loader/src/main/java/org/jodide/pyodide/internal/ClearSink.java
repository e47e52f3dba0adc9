package org.jodide.pyodide.internal;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The JS function the Python kernel calls for {@code clear_output(wait)}. */
@JSFunctor
public interface ClearSink extends JSObject {
    void clear(boolean wait);
}
