package org.jodide.core.protocol;

import org.jodide.core.protocol.internal.FlatJson;

/**
 * How the frame protocol's JSON writes and reads string values, writes integers, and joins its
 * text: the long part of every message (printed output is one string). On the JVM, plain Java
 * ({@link #JAVA}); in the browser, the pages install one that calls the engine's own
 * {@code JSON.stringify}, {@code JSON.parse}, {@code String} and {@code Array.join}, because TeaVM's strings are copied and escaped one
 * character at a time by compiled Java loops (a 100,000-line output is ~600,000 characters that
 * every message would walk twice).
 */
public interface JsonStrings {
    /** {@code value} as a JSON string literal, quotes included. */
    String quote(String value);

    /**
     * The value of the JSON string literal {@code json.substring(start, end)} (quotes included,
     * escapes valid: the caller has found its end).
     */
    String unquote(String json, int start, int end);

    /** The parts, one after the other. */
    String join(String[] parts);

    /** {@code value} in decimal, as JSON writes it (run ids, lines, counts: several in every message). */
    default String integer(int value) {
        return Integer.toString(value);
    }

    /** Plain Java, what {@link FlatJson} does itself. */
    JsonStrings JAVA = new JsonStrings() {
        @Override
        public String quote(String value) {
            return FlatJson.quote(value);
        }

        @Override
        public String unquote(String json, int start, int end) {
            return FlatJson.unquote(json, start, end);
        }

        @Override
        public String join(String[] parts) {
            return String.join("", parts);
        }
    };

    /** Makes the protocol's JSON use {@code strings} from now on (a page does this once, at start). */
    static void use(JsonStrings strings) {
        FlatJson.use(strings);
    }
}
