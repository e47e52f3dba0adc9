package org.jodide.core.protocol.internal;

import org.jodide.core.protocol.JsonStrings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for flat objects: one object whose values are strings, integers, booleans, null, or a
 * list of flat objects of those (one level, for the lines of a fetch chunk). That is all the
 * frame protocol needs, and it keeps the codec free of browser APIs so it is tested on the JVM.
 * Integers are 32-bit; anything else is rejected.
 */
public final class FlatJson {
    private FlatJson() {
    }

    /** How strings are written, read and joined: plain Java until a page installs its engine's own. */
    private static volatile JsonStrings strings = JsonStrings.JAVA;

    /** See {@link JsonStrings#use}. */
    public static void use(JsonStrings engineStrings) {
        strings = engineStrings;
    }

    public static String write(Map<String, Object> fields) {
        List<String> out = new ArrayList<>();
        writeObject(out, fields, true);
        return strings.join(out.toArray(new String[0]));
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(List<String> out, Map<String, Object> fields, boolean allowLists) {
        out.add("{");
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.add(",");
            }
            first = false;
            addKey(out, field.getKey());
            Object value = field.getValue();
            if (value == null) {
                out.add("null");
            } else if (value instanceof String) {
                out.add(strings.quote((String) value));
            } else if (value instanceof Integer) {
                out.add(strings.integer((Integer) value));
            } else if (value instanceof Boolean) {
                out.add((Boolean) value ? "true" : "false");
            } else if (value instanceof List && allowLists) {
                out.add("[");
                boolean firstItem = true;
                for (Object item : (List<Object>) value) {
                    if (!(item instanceof Map)) {
                        throw new IllegalArgumentException("list items of " + field.getKey() + " must be objects");
                    }
                    if (!firstItem) {
                        out.add(",");
                    }
                    firstItem = false;
                    writeObject(out, (Map<String, Object>) item, false);
                }
                out.add("]");
            } else {
                throw new IllegalArgumentException("unsupported JSON value for " + field.getKey() + ": " + value.getClass());
            }
        }
        out.add("}");
    }

    /**
     * A field name as a JSON string literal and its colon: the protocol's names are plain
     * identifiers, written as parts of their own (no round trip through the engine's
     * {@code JSON.stringify}, and no concatenation, which TeaVM does with a {@code StringBuilder}
     * of chars: a Run All writes thousands of messages of a dozen names each).
     */
    private static void addKey(List<String> out, String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                out.add(strings.quote(key));
                out.add(":");
                return;
            }
        }
        out.add("\"");
        out.add(key);
        out.add("\":");
    }

    /** {@code s} as a JSON string literal (what {@link JsonStrings#JAVA} writes). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + s.length() / 8 + 2);
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0000", hex.length(), 4).append(hex);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
        return out.toString();
    }

    /**
     * The value of the JSON string literal {@code json.substring(start, end)} (what
     * {@link JsonStrings#JAVA} reads); throws {@link IllegalArgumentException} on a bad escape.
     */
    public static String unquote(String json, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int pos = start + 1;
        int last = end - 1;
        while (pos < last) {
            char c = json.charAt(pos++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = json.charAt(pos++);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (pos + 4 > last) {
                        throw new IllegalArgumentException("bad JSON at " + pos + ": short \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(json.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("bad JSON at " + pos + ": bad \\u escape", ex);
                    }
                    pos += 4;
                    break;
                default:
                    throw new IllegalArgumentException("bad JSON at " + pos + ": bad escape \\" + e);
            }
        }
        return out.toString();
    }

    /** Parses a flat object; throws {@link IllegalArgumentException} saying where the text is wrong. */
    public static Map<String, Object> read(String json) {
        return new Reader(json).readObject();
    }

    private static final class Reader {
        private final String in;
        private int pos;
        /** Whether the string {@link #closingQuote} last found has escapes. */
        private boolean escaped;

        Reader(String in) {
            this.in = in;
        }

        Map<String, Object> readObject() {
            Map<String, Object> fields = readFields(true);
            skipBlanks();
            if (pos != in.length()) {
                throw error("text after the object");
            }
            return fields;
        }

        private Map<String, Object> readFields(boolean allowLists) {
            Map<String, Object> fields = new LinkedHashMap<>();
            skipBlanks();
            expect('{');
            skipBlanks();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipBlanks();
                    String key = readString();
                    skipBlanks();
                    expect(':');
                    skipBlanks();
                    Object value = allowLists && peek() == '[' ? readList() : readValue();
                    if (fields.containsKey(key) || fields.size() >= 64) {
                        throw error("duplicate key \"" + key + "\" or too many keys");
                    }
                    fields.put(key, value);
                    skipBlanks();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '}'");
                    }
                }
            }
            return fields;
        }

        private List<Map<String, Object>> readList() {
            expect('[');
            List<Map<String, Object>> items = new ArrayList<>();
            skipBlanks();
            if (peek() == ']') {
                pos++;
                return items;
            }
            while (true) {
                skipBlanks();
                items.add(readFields(false));
                if (items.size() > 10_000) {
                    throw error("too many list items");
                }
                skipBlanks();
                char c = next();
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private Object readValue() {
            char c = peek();
            if (c == '"') {
                return readString();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = pos;
                if (c == '-') {
                    pos++;
                }
                while (pos < in.length() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
                    pos++;
                }
                try {
                    return Integer.parseInt(in.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("not a 32-bit integer");
                }
            }
            if (in.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (in.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (in.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            throw error("expected a string, integer, boolean or null");
        }

        /**
         * A string without escapes is the text between its quotes, taken as it is; only one with
         * escapes goes to {@link JsonStrings#unquote} (for names and short values the round trip
         * through the engine cost more than the copy).
         */
        private String readString() {
            int start = pos;
            expect('"');
            int end = closingQuote();
            if (!escaped) {
                pos = end + 1;
                return in.substring(start + 1, end);
            }
            String value = strings.unquote(in, start, end + 1);
            if (value == null) {
                throw error("bad escape in string");
            }
            pos = end + 1;
            return value;
        }

        /**
         * Where the string that starts here ends (its closing quote), noting in {@link #escaped}
         * whether it has escapes; rejects control characters and a missing end.
         */
        private int closingQuote() {
            int i = pos;
            escaped = false;
            while (i < in.length()) {
                char c = in.charAt(i);
                if (c == '"') {
                    return i;
                }
                if (c < 0x20) {
                    pos = i;
                    throw error("control character in string");
                }
                if (c == '\\') {
                    escaped = true;
                    i += 2;
                } else {
                    i++;
                }
            }
            pos = in.length();
            throw error("unexpected end");
        }

        private void skipBlanks() {
            while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\n'
                    || in.charAt(pos) == '\r' || in.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= in.length()) {
                throw error("unexpected end");
            }
            return in.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + pos);
        }
    }
}
