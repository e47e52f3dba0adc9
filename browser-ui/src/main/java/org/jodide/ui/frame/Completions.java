package org.jodide.ui.frame;

import org.teavm.jso.JSBody;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion names for the runtimes: JavaScript names from the frame's globals and their
 * properties, and the JSON arrays of names a runtime such as Python's answers with.
 */
final class Completions {
    private static final int MAX_NAMES = 200;

    private Completions() {
    }

    /** Full replacements for the JavaScript {@code token} (e.g. "document.body" for "document.bo"), or none. */
    static List<String> javascript(String token) {
        return lines(javascriptNames(token, MAX_NAMES));
    }

    /** The names of a JSON array of strings. */
    static List<String> fromJsonArray(String json) {
        return lines(jsonArrayToLines(json));
    }

    private static List<String> lines(String lines) {
        List<String> names = new ArrayList<>();
        for (String name : lines.split("\n")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    @JSBody(params = "json", script = "return JSON.parse(json).join('\\n');")
    private static native String jsonArrayToLines(String json);

    /**
     * Names of {@code token}'s object path: "docu" gives globals starting with "docu";
     * "document.bo" gives "document.body". Only identifier paths are followed (nothing is
     * evaluated), and property reads that throw are skipped.
     */
    @JSBody(params = {"token", "limit"}, script = ""
            + "var dot = token.lastIndexOf('.');"
            + "var path = dot < 0 ? [] : token.slice(0, dot).split('.');"
            + "var prefix = token.slice(dot + 1);"
            + "var target = globalThis;"
            + "for (var step = 0; step < path.length; step++) {"
            + "  if (!/^[A-Za-z_$][\\w$]*$/.test(path[step])) return '';"
            + "  try { target = target[path[step]]; } catch (failure) { return ''; }"
            + "  if (target === null || target === undefined) return '';"
            + "}"
            + "var seen = new Set(); var found = [];"
            + "for (var holder = Object(target); holder && found.length < limit; holder = Object.getPrototypeOf(holder)) {"
            + "  var names = Object.getOwnPropertyNames(holder).sort();"
            + "  for (var index = 0; index < names.length && found.length < limit; index++) {"
            + "    var name = names[index];"
            + "    if (seen.has(name) || name.indexOf(prefix) !== 0 || !/^[A-Za-z_$][\\w$]*$/.test(name)) continue;"
            + "    if (path.length === 0 && name.indexOf('__jodide') === 0) continue;"
            + "    seen.add(name);"
            + "    found.push(dot < 0 ? name : token.slice(0, dot + 1) + name);"
            + "  }"
            + "}"
            + "return found.join('\\n');")
    private static native String javascriptNames(String token, int limit);
}
