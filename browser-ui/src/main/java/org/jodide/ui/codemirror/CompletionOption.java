package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Overlay of one completion option, {@code {label, type}}; the label is the text inserted. */
public interface CompletionOption extends JSObject {
    /**
     * @param type CodeMirror's kind of option, which picks its icon: {@code variable},
     *             {@code function}, {@code keyword}, ...
     */
    @JSBody(params = {"label", "type"}, script = "return {label: label, type: type};")
    static CompletionOption of(String label, String type) {
        throw new UnsupportedOperationException("browser only");
    }
}
