package org.jodide.iomd.internal;

/**
 * A URI reference split into its five parts, by the grammar of RFC 3986 appendix B. A part that
 * is absent is null (an empty part is ""), as the resolution algorithm needs.
 */
record UrlReference(String scheme, String authority, String path, String query, String fragment) {

    static UrlReference parse(String s) {
        int end = s.length();
        int pos = 0;
        String scheme = null;
        int colon = schemeEnd(s);
        if (colon > 0) {
            scheme = s.substring(0, colon);
            pos = colon + 1;
        }
        String authority = null;
        if (s.startsWith("//", pos)) {
            int authEnd = pos + 2;
            while (authEnd < end && "/?#".indexOf(s.charAt(authEnd)) < 0) {
                authEnd++;
            }
            authority = s.substring(pos + 2, authEnd);
            pos = authEnd;
        }
        int pathEnd = pos;
        while (pathEnd < end && s.charAt(pathEnd) != '?' && s.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        String path = s.substring(pos, pathEnd);
        pos = pathEnd;
        String query = null;
        if (pos < end && s.charAt(pos) == '?') {
            int queryEnd = s.indexOf('#', pos);
            if (queryEnd < 0) {
                queryEnd = end;
            }
            query = s.substring(pos + 1, queryEnd);
            pos = queryEnd;
        }
        String fragment = pos < end ? s.substring(pos + 1) : null;
        return new UrlReference(scheme, authority, path, query, fragment);
    }

    /** The offset of the colon ending a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"}), or -1. */
    static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** RFC 3986 section 5.3: the parts joined back into one string. */
    String recompose() {
        StringBuilder out = new StringBuilder();
        if (scheme != null) {
            out.append(scheme).append(':');
        }
        if (authority != null) {
            out.append("//").append(authority);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        if (fragment != null) {
            out.append('#').append(fragment);
        }
        return out.toString();
    }
}
