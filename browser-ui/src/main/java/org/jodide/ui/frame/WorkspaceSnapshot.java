package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.protocol.FrameToEditor.Variable;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's variables in the eval frame for the runtimes: JavaScript's as the globals that
 * appeared since the frame started (so the frame's own globals are left out), and the JSON
 * listings a runtime such as Python's gives.
 */
final class WorkspaceSnapshot {
    private WorkspaceSnapshot() {
    }

    interface Entry extends JSObject {
        @JSProperty
        String getName();

        @JSProperty
        String getType();

        @JSProperty
        String getPreview();
    }

    /** Remembers the globals the frame has before any notebook code runs ({@code workspace.js}). */
    @JSBody(script = "window.jodideFrameRuntime.recordBaseline();")
    static native void recordBaseline();

    /** The JavaScript globals that appeared since {@link #recordBaseline}, sorted by name. */
    static List<Variable> javascript() {
        List<Variable> variables = new ArrayList<>();
        add(variables, Language.JAVASCRIPT, javascriptGlobals());
        return variables;
    }

    /** The variables of a JSON array of {@code {name, type, preview}}, as a runtime such as Python's lists them. */
    static List<Variable> fromJson(Language language, String json) {
        List<Variable> variables = new ArrayList<>();
        add(variables, language, parse(json));
        return variables;
    }

    private static void add(List<Variable> into, Language language, JSArrayReader<Entry> entries) {
        for (int i = 0; i < entries.getLength(); i++) {
            Entry entry = entries.get(i);
            into.add(new Variable(language, entry.getName(), entry.getType(), entry.getPreview()));
        }
    }

    @JSBody(params = "json", script = "return JSON.parse(json);")
    private static native JSArrayReader<Entry> parse(String json);

    @JSBody(script = "return window.jodideFrameRuntime.javascriptGlobals();")
    private static native JSArrayReader<Entry> javascriptGlobals();
}
