package org.jodide.ui.dom;

import org.jodide.core.protocol.JsonStrings;
import org.teavm.jso.JSBody;

/**
 * The frame protocol's JSON strings done by the browser's engine ({@code JSON.stringify},
 * {@code JSON.parse}, {@code Array.join}; static/src/main/js/page/json-strings.js; integers with
 * {@code String}) instead of
 * TeaVM's character-by-character loops: printed output crosses the frames as one long JSON string.
 * The editor page, the eval frame, an embedding page and the Python worker install it at start
 * ({@link #install}); the functions are page-support.js's ({@code window.jodidePageSupport}, an
 * embedding page's {@code jodideEmbed.pageSupport}) or, in the worker, python-worker-remote.js's
 * ({@code self.jodideWorkerSupport}). The worker used plain Java until 2026-12-04: printing one line
 * of 16 million characters spent ~1.3 s quoting it one character at a time.
 */
public final class EngineJsonStrings implements JsonStrings {
    private EngineJsonStrings() {
    }

    /** Makes the protocol's JSON use the engine's strings in this page. */
    public static void install() {
        JsonStrings.use(new EngineJsonStrings());
    }

    @Override
    public String quote(String value) {
        return quoteJson(value);
    }

    @Override
    public String unquote(String json, int start, int end) {
        return unquoteJson(json, start, end);
    }

    @Override
    public String join(String[] parts) {
        return joinParts(parts);
    }

    @Override
    public String integer(int value) {
        return decimal(value);
    }

    /** The engine's own number to string (TeaVM's {@code Integer.toString} fills a {@code StringBuilder} of chars). */
    @JSBody(params = "value", script = "return String(value);")
    private static native String decimal(int value);

    @JSBody(params = "value", script = "return (self.jodidePageSupport || self.jodideWorkerSupport || self.jodideEmbed.pageSupport).quoteJson(value);")
    private static native String quoteJson(String value);

    @JSBody(params = {"json", "start", "end"}, script = "return (self.jodidePageSupport || self.jodideWorkerSupport || self.jodideEmbed.pageSupport).unquoteJson(json, start, end);")
    private static native String unquoteJson(String json, int start, int end);

    @JSBody(params = "parts", script = "return (self.jodidePageSupport || self.jodideWorkerSupport || self.jodideEmbed.pageSupport).joinParts(parts);")
    private static native String joinParts(String[] parts);
}
