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

    /**
     * Help on the JavaScript name at the cursor ({@code completions.js}): what it is, a function's
     * parameters, a value's preview; "" when the name is not found. Nothing is called or evaluated.
     */
    @JSBody(params = {"before", "after"}, script = "return window.jodideFrameRuntime.javascriptHelp(before, after);")
    static native String javascriptHelp(String before, String after);

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
     * evaluated), and property reads that throw are skipped ({@code completions.js}).
     */
    @JSBody(params = {"token", "limit"}, script = "return window.jodideFrameRuntime.javascriptNames(token, limit).join('\\n');")
    private static native String javascriptNames(String token, int limit);
}
