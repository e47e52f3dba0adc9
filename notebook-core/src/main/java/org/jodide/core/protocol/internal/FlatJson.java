package org.jodide.core.protocol.internal;

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

    public static String write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(sizeHint(fields));
        writeObject(out, fields, true);
        return out.toString();
    }

    /** The length of the text of string values plus some: enough for most messages without growing. */
    private static int sizeHint(Map<String, Object> fields) {
        int chars = 64;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            chars += field.getKey().length() + 8;
            if (field.getValue() instanceof String) {
                String value = (String) field.getValue();
                chars += value.length() + value.length() / 8;
            }
        }
        return chars;
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(StringBuilder out, Map<String, Object> fields, boolean allowLists) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                writeString(out, (String) value);
            } else if (value instanceof Integer || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof List && allowLists) {
                out.append('[');
                boolean firstItem = true;
                for (Object item : (List<Object>) value) {
                    if (!(item instanceof Map)) {
                        throw new IllegalArgumentException("list items of " + field.getKey() + " must be objects");
                    }
                    if (!firstItem) {
                        out.append(',');
                    }
                    firstItem = false;
                    writeObject(out, (Map<String, Object>) item, false);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("unsupported JSON value for " + field.getKey() + ": " + value.getClass());
            }
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String s) {
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
    }

    /** Parses a flat object; throws {@link IllegalArgumentException} saying where the text is wrong. */
    public static Map<String, Object> read(String json) {
        return new Reader(json).readObject();
    }

    private static final class Reader {
        private final String in;
        private int pos;

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

        private String readString() {
            expect('"');
            // Sized to the string's escaped length, which is at least its length: in the browser a
            // growing StringBuilder copies itself at each doubling (long printed text is one string).
            StringBuilder out = new StringBuilder(escapedLength());
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
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
                            if (pos + 4 > in.length()) {
                                throw error("short \\u escape");
                            }
                            try {
                                out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("bad \\u escape");
                            }
                            pos += 4;
                            break;
                        default:
                            throw error("bad escape \\" + e);
                    }
                } else if (c < 0x20) {
                    throw error("control character in string");
                } else {
                    out.append(c);
                }
            }
        }

        /** UTF-16 units from here to the closing quote of the string that starts here (or to the end). */
        private int escapedLength() {
            int i = pos;
            while (i < in.length() && in.charAt(i) != '"') {
                i += in.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, in.length()) - pos;
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
