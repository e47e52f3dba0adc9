package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Overlay of the array {@code setDiagnostics} takes: {@code {from, to, severity, message}}
 * objects, offsets 0-based UTF-16 offsets into the document, severity {@code error} or
 * {@code warning}.
 */
public interface EditorDiagnostics extends JSObject {
    @JSBody(script = "return [];")
    static EditorDiagnostics create() {
        throw new UnsupportedOperationException("browser only");
    }

    @JSBody(params = {"list", "from", "to", "severity", "message"},
            script = "list.push({from: from, to: to, severity: severity, message: message});")
    static void add(EditorDiagnostics list, int from, int to, String severity, String message) {
        throw new UnsupportedOperationException("browser only");
    }
}
