package org.jodide.pyodide.internal;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A JS callback taking one string. */
@JSFunctor
public interface TextSink extends JSObject {
    void accept(String text);
}
