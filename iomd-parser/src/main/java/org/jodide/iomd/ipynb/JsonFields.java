package org.jodide.iomd.ipynb;

import org.jodide.iomd.internal.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading the fields of a parsed .ipynb: each accessor either returns what nbformat says the
 * field holds or throws an {@link IpynbException} pointing at the value that is wrong.
 */
final class JsonFields {
    private final String text;

    JsonFields(String text) {
        this.text = text;
    }

    /** The member {@code key} of {@code object}, or null when it is absent (or the value is not an object). */
    static JsonValue member(JsonValue object, String key) {
        if (object instanceof JsonValue.JsonObject o) {
            for (JsonValue.Member member : o.members()) {
                if (member.key().equals(key)) {
                    return member.value();
                }
            }
        }
        return null;
    }

    /** The string at the path of keys from {@code object}, or null when any step is missing or not of that kind. */
    static String stringAt(JsonValue object, String... keys) {
        JsonValue value = object;
        for (String key : keys) {
            value = member(value, key);
        }
        return value instanceof JsonValue.JsonString s ? s.value() : null;
    }

    JsonValue.JsonObject object(JsonValue value, String what) throws IpynbException {
        if (value instanceof JsonValue.JsonObject o) {
            return o;
        }
        throw wrong(value, what + " must be an object");
    }

    List<JsonValue> array(JsonValue value, String what) throws IpynbException {
        if (value instanceof JsonValue.JsonArray a) {
            return a.items();
        }
        throw wrong(value, what + " must be an array");
    }

    String string(JsonValue value, String what) throws IpynbException {
        if (value instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw wrong(value, what + " must be a string");
    }

    /** nbformat's multiline string: one string, or an array of strings joined as they are; "" when absent. */
    String multiline(JsonValue value, String what) throws IpynbException {
        if (value == null) {
            return "";
        }
        String joined = joined(value);
        if (joined == null) {
            JsonValue wrong = value instanceof JsonValue.JsonArray a
                    ? a.items().stream().filter(item -> !(item instanceof JsonValue.JsonString)).findFirst().orElse(value) : value;
            throw wrong(wrong, what + " must be a string or an array of strings");
        }
        return joined;
    }

    /** A multiline string's text (a string, or an array of strings joined), or null when the value is neither. */
    static String joined(JsonValue value) {
        if (value instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (!(value instanceof JsonValue.JsonArray a)) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonValue.JsonString s)) {
                return null;
            }
            joined.append(s.value());
        }
        return joined.toString();
    }

    /** The strings of an array of strings (others skipped); empty when absent. */
    static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonValue.JsonArray a) {
            for (JsonValue item : a.items()) {
                if (item instanceof JsonValue.JsonString s) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }

    IpynbException wrong(JsonValue value, String problem) {
        String found = value == null ? "" : ", not " + value.kind();
        return new IpynbException(problem + found, text, value == null ? 0 : value.start());
    }

    IpynbException missing(JsonValue.JsonObject object, String problem) {
        return new IpynbException(problem, text, object.start());
    }
}
