package org.jodide.iomd.internal;

import java.util.List;

/** A JSON value with where it was written: {@code start} and {@code end} are offsets into the parsed text. */
public sealed interface JsonValue {
    int start();

    int end();

    /** A word for messages: "an object", "a string", ... */
    String kind();

    record JsonObject(List<Member> members, int start, int end) implements JsonValue {
        public String kind() {
            return "an object";
        }
    }

    record Member(String key, int keyStart, int keyEnd, JsonValue value) {
    }

    record JsonArray(List<JsonValue> items, int start, int end) implements JsonValue {
        public String kind() {
            return "an array";
        }
    }

    record JsonString(String value, int start, int end) implements JsonValue {
        public String kind() {
            return "a string";
        }
    }

    record JsonNumber(String text, int start, int end) implements JsonValue {
        public String kind() {
            return "a number";
        }
    }

    /** {@code true}, {@code false} or {@code null}. */
    record JsonLiteral(String word, int start, int end) implements JsonValue {
        public String kind() {
            return word.equals("null") ? "null" : "a boolean";
        }
    }
}
