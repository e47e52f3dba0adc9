package org.jodide.iomd.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON as Python's {@code json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)}
 * does, which is how Jupyter writes an .ipynb: a file written here and saved again by Jupyter is
 * the same text. Values are maps with string keys, lists, strings, integers, booleans, null and
 * values read by {@link JsonReader} (a number keeps its text: one Jupyter wrote is already in
 * Python's form; of an object's repeated key the last value is kept, as Python's {@code json} does).
 *
 * <pre>{@code
 * JsonWriter.write(Map.of("b", 1, "a", List.of("x")));  // "{\n \"a\": [\n  \"x\"\n ],\n \"b\": 1\n}"
 * }</pre>
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, depth);
        } else if (value instanceof JsonValue json) {
            writeRead(out, json, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeRead(StringBuilder out, JsonValue value, int depth) {
        // The five kinds of a sealed interface (Java 17: no patterns in switch yet).
        if (value instanceof JsonValue.JsonObject object) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (JsonValue.Member member : object.members()) {
                members.put(member.key(), member.value());
            }
            writeObject(out, members, depth);
        } else if (value instanceof JsonValue.JsonArray array) {
            writeArray(out, array.items(), depth);
        } else if (value instanceof JsonValue.JsonString string) {
            quote(out, string.value());
        } else if (value instanceof JsonValue.JsonNumber number) {
            out.append(number.text());
        } else {
            out.append(((JsonValue.JsonLiteral) value).word());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            sorted.put((String) entry.getKey(), entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(out, depth + 1);
            quote(out, entry.getKey());
            out.append(": ");
            write(out, entry.getValue(), depth + 1);
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(out, depth + 1);
            write(out, item, depth + 1);
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(' ');
        }
    }

    /** A string as Python's json module quotes it with {@code ensure_ascii=False}. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
