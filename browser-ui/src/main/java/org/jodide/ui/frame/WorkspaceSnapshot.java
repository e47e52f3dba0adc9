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

    /** Remembers the globals the frame has before any notebook code runs. */
    @JSBody(script = "globalThis.__jodideBaseline = new Set(Object.getOwnPropertyNames(globalThis));"
            + "globalThis.__jodideBaseline.add('pyodide'); globalThis.__jodideBaseline.add('__jodideBaseline');")
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

    @JSBody(script = ""
            + "var baseline = globalThis.__jodideBaseline || new Set();"
            + "function previewOf(value) {"
            + "  var text;"
            + "  try {"
            + "    if (typeof value === 'function') text = '[Function: ' + (value.name || 'anonymous') + ']';"
            + "    else if (typeof value === 'string') text = JSON.stringify(value);"
            + "    else if (typeof value === 'object' && value !== null) text = JSON.stringify(value);"
            + "    if (text === undefined) text = String(value);"
            + "  } catch (failure) { text = Object.prototype.toString.call(value); }"
            + "  return text.length > 100 ? text.slice(0, 97) + '...' : text;"
            + "}"
            + "function typeOf(value) {"
            + "  if (value === null) return 'null';"
            + "  if (typeof value === 'object' && value.constructor && value.constructor.name) return value.constructor.name;"
            + "  return typeof value;"
            + "}"
            + "return Object.getOwnPropertyNames(globalThis).filter(function(name) { return !baseline.has(name); })"
            + "  .sort().map(function(name) {"
            + "    var value; try { value = globalThis[name]; } catch (failure) { value = undefined; }"
            + "    return {name: name, type: typeOf(value), preview: previewOf(value)}; });")
    private static native JSArrayReader<Entry> javascriptGlobals();
}
