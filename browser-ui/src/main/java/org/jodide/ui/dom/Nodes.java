package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/** DOM facts TeaVM's bindings do not carry. */
public final class Nodes {
    private Nodes() {
    }

    /** Whether {@code element} is in its document now (not removed, nor never added). */
    @JSBody(params = "element", script = "return element.isConnected;")
    public static native boolean isConnected(HTMLElement element);
}
