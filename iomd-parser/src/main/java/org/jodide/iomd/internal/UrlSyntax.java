package org.jodide.iomd.internal;

import java.util.Locale;

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
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : null;
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("data")) {
            return "bad URL " + Quote.of(url) + ": unsupported scheme " + Quote.of(scheme + ":") + " (use http, https, data or a relative URL)";
        }
        boolean needsHost = scheme != null && !scheme.equals("data");
        UrlReference parts = UrlReference.parse(url);
        if ((needsHost || parts.authority() != null) && (parts.authority() == null || parts.authority().isEmpty())) {
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
