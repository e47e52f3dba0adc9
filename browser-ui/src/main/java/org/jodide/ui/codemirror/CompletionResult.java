package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;

/** Overlay of what a {@code complete} callback resolves to: {@code {from, options: [{label, type}]}}. */
public interface CompletionResult extends JSObject {
    @JSBody(script = "return {options: []};")
    static CompletionResult create() {
        throw new UnsupportedOperationException("browser only");
    }

    /** Where the options' text starts replacing: a 0-based UTF-16 offset into the document. */
    @JSProperty
    void setFrom(int from);

    @JSProperty
    JSArray<CompletionOption> getOptions();

    /** Receives the completions; null means none. */
    @JSFunctor
    interface Resolver extends JSObject {
        void resolve(CompletionResult result);
    }
}
