package org.jodide.iomd.internal;

/**
 * Which URLs a notebook may load. spec: a URL is a relative reference or an http, https or data
 * URL; it has no blanks, control characters, {@code "}, {@code <}, {@code >} or {@code \}; each
 * {@code %} starts a two-digit hex escape; an http(s) or {@code //} URL names a host.
 */
public final class UrlSyntax {
    private UrlSyntax() {
    }

    /** Why {@code url} is not acceptable, or null when it is. */
    public static String problem(String url) {
        if (url.isEmpty()) {
            return "missing URL";
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || (c >= 0x7f && c <= 0x9f)) {
                return "bad URL " + Quote.of(url) + ": it holds a blank or a control character";
            }
            if (c == '"' || c == '<' || c == '>' || c == '\\') {
                return "bad URL " + Quote.of(url) + ": the character '" + c + "' must be written %" + hex(c);
            }
            if (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                return "bad URL " + Quote.of(url) + ": '%' must start a two-digit hex escape such as %20";
            }
        }
        int colon = UrlReference.schemeEnd(url);
        boolean needsHost;
        int afterScheme;
        if (colon > 0) {
            boolean http = Ascii.equalsIgnoreCase(url, 0, colon, "http") || Ascii.equalsIgnoreCase(url, 0, colon, "https");
            if (!http && !Ascii.equalsIgnoreCase(url, 0, colon, "data")) {
                return "bad URL " + Quote.of(url) + ": unsupported scheme " + Quote.of(url.substring(0, colon + 1))
                        + " (use http, https, data or a relative URL)";
            }
            needsHost = http;
            afterScheme = colon + 1;
        } else {
            needsHost = false;
            afterScheme = 0;
        }
        boolean hasAuthority = url.startsWith("//", afterScheme);
        if ((needsHost || hasAuthority) && (!hasAuthority || afterScheme + 2 == url.length()
                || "/?#".indexOf(url.charAt(afterScheme + 2)) >= 0)) {
            return "bad URL " + Quote.of(url) + ": it names no host";
        }
        return null;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String hex(char c) {
        String digits = "0123456789ABCDEF";
        return "" + digits.charAt((c >> 4) & 0xf) + digits.charAt(c & 0xf);
    }
}
