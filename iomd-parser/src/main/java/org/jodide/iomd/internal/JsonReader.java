package org.jodide.iomd.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON reader (RFC 8259) that keeps positions and never throws: it stops at the first
 * syntax error and reports it. Nesting is limited to {@value #MAX_DEPTH} levels, so deep input
 * cannot overflow the stack.
 *
 * <pre>{@code
 * JsonReader reader = new JsonReader(text, from, to);
 * JsonValue value = reader.read(); // null when reader.error() != null
 * }</pre>
 */
public final class JsonReader {
    static final int MAX_DEPTH = 200;

    private final String s;
    private final int end;
    private int pos;
    private String error;
    private int errorAt;

    public JsonReader(String s, int from, int to) {
        this.s = s;
        this.pos = from;
        this.end = to;
    }

    /** Reads the one value of the range; null on error. */
    public JsonValue read() {
        skipSpace();
        JsonValue value = value(0);
        if (value == null) {
            return null;
        }
        skipSpace();
        if (pos < end) {
            return fail("unexpected text after the JSON value");
        }
        return value;
    }

    /**
     * Reads the value at the start of the range, and stops after it (leading blanks skipped); null on
     * error. {@link #position()} is then where the value ended.
     */
    public JsonValue readLeading() {
        skipSpace();
        return value(0);
    }

    /** Where reading stopped: after the value {@link #readLeading()} read. */
    public int position() {
        return pos;
    }

    /** The first syntax error, or null. */
    public String error() {
        return error;
    }

    /** Where the first syntax error is, as an offset into the text. */
    public int errorAt() {
        return errorAt;
    }

    private JsonValue value(int depth) {
        if (pos >= end) {
            return fail("expected a JSON value, found the end of the chunk");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return depth >= MAX_DEPTH ? fail("JSON nested deeper than " + MAX_DEPTH + " levels") : object(depth);
            case '[':
                return depth >= MAX_DEPTH ? fail("JSON nested deeper than " + MAX_DEPTH + " levels") : array(depth);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return fail("expected a JSON value, found " + describe(c));
        }
    }

    private JsonValue object(int depth) {
        int start = pos++;
        List<JsonValue.Member> members = new ArrayList<>();
        skipSpace();
        if (pos < end && s.charAt(pos) == '}') {
            pos++;
            return new JsonValue.JsonObject(List.of(), start, pos);
        }
        while (true) {
            skipSpace();
            if (pos >= end || s.charAt(pos) != '"') {
                return fail(pos >= end ? "unclosed object: expected a \"key\" or '}'"
                        : "expected a \"key\" in double quotes, found " + describe(s.charAt(pos)));
            }
            int keyStart = pos;
            JsonValue.JsonString key = string();
            if (key == null) {
                return null;
            }
            skipSpace();
            if (pos >= end || s.charAt(pos) != ':') {
                return fail("expected ':' after the key \"" + Quote.shorten(key.value()) + "\"");
            }
            pos++;
            skipSpace();
            JsonValue value = value(depth + 1);
            if (value == null) {
                return null;
            }
            members.add(new JsonValue.Member(key.value(), keyStart, key.end(), value));
            skipSpace();
            if (pos < end && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < end && s.charAt(pos) == '}') {
                pos++;
                return new JsonValue.JsonObject(List.copyOf(members), start, pos);
            } else {
                return fail(pos >= end ? "unclosed object: expected ',' or '}'"
                        : "expected ',' or '}' in the object, found " + describe(s.charAt(pos)));
            }
        }
    }

    private JsonValue array(int depth) {
        int start = pos++;
        List<JsonValue> items = new ArrayList<>();
        skipSpace();
        if (pos < end && s.charAt(pos) == ']') {
            pos++;
            return new JsonValue.JsonArray(List.of(), start, pos);
        }
        while (true) {
            skipSpace();
            JsonValue item = value(depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
            skipSpace();
            if (pos < end && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < end && s.charAt(pos) == ']') {
                pos++;
                return new JsonValue.JsonArray(List.copyOf(items), start, pos);
            } else {
                return fail(pos >= end ? "unclosed array: expected ',' or ']'"
                        : "expected ',' or ']' in the array, found " + describe(s.charAt(pos)));
            }
        }
    }

    private JsonValue.JsonString string() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return new JsonValue.JsonString(out.toString(), start, pos);
            }
            if (c < 0x20) {
                fail("unclosed string, or a control character in it (write \\n, \\t, ...)");
                return null;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    break;
                }
                char e = s.charAt(pos + 1);
                int escapeStart = pos;
                pos += 2;
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u': {
                        int code = hex4(pos);
                        if (code < 0) {
                            pos = escapeStart;
                            fail("bad \\u escape: expected four hex digits");
                            return null;
                        }
                        out.append((char) code);
                        pos += 4;
                        break;
                    }
                    default:
                        pos = escapeStart;
                        fail("bad escape \\" + e + " in a string");
                        return null;
                }
                continue;
            }
            out.append(c);
            pos++;
        }
        fail("unclosed string");
        return null;
    }

    private int hex4(int at) {
        if (at + 4 > end) {
            return -1;
        }
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            code = code * 16 + d;
        }
        return code;
    }

    private JsonValue number() {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        if (pos < end && s.charAt(pos) == '0') {
            pos++;
        } else if (!digits()) {
            return fail("bad number: expected a digit");
        }
        if (pos < end && s.charAt(pos) == '.') {
            pos++;
            if (!digits()) {
                return fail("bad number: expected a digit after '.'");
            }
        }
        if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                return fail("bad number: expected a digit in the exponent");
            }
        }
        return new JsonValue.JsonNumber(s.substring(start, pos), start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private JsonValue literal(String word) {
        if (end - pos >= word.length() && s.startsWith(word, pos)) {
            int start = pos;
            pos += word.length();
            return new JsonValue.JsonLiteral(word, start, pos);
        }
        return fail("expected a JSON value, found " + describe(s.charAt(pos)));
    }

    private void skipSpace() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String describe(char c) {
        if (c < 0x20 || c == 0x7f) {
            return "a control character";
        }
        return "'" + c + "'";
    }

    private JsonValue fail(String message) {
        if (error == null) {
            error = message;
            errorAt = pos;
        }
        return null;
    }
}
