package org.jodide.iomd.internal;

/**
 * Resolves a URL reference against a base URL by RFC 3986 section 5.2 (strict). Never throws:
 * any string is a (possibly odd) reference.
 *
 * <pre>{@code
 * UrlResolver.resolve("https://example.com/nb/view", "data/a.csv"); // https://example.com/nb/data/a.csv
 * }</pre>
 */
public final class UrlResolver {
    private UrlResolver() {
    }

    public static String resolve(String base, String reference) {
        UrlReference r = UrlReference.parse(reference);
        if (r.scheme() != null) {
            return new UrlReference(r.scheme(), r.authority(), removeDotSegments(r.path()), r.query(), r.fragment()).recompose();
        }
        UrlReference b = UrlReference.parse(base);
        String authority;
        String path;
        String query;
        if (r.authority() != null) {
            authority = r.authority();
            path = removeDotSegments(r.path());
            query = r.query();
        } else {
            authority = b.authority();
            if (r.path().isEmpty()) {
                path = b.path();
                query = r.query() != null ? r.query() : b.query();
            } else {
                path = r.path().startsWith("/") ? removeDotSegments(r.path()) : removeDotSegments(merge(b, r.path()));
                query = r.query();
            }
        }
        return new UrlReference(b.scheme(), authority, path, query, r.fragment()).recompose();
    }

    /** RFC 3986 section 5.2.3. */
    private static String merge(UrlReference base, String path) {
        if (base.authority() != null && base.path().isEmpty()) {
            return "/" + path;
        }
        int slash = base.path().lastIndexOf('/');
        return slash < 0 ? path : base.path().substring(0, slash + 1) + path;
    }

    /** RFC 3986 section 5.2.4. */
    static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        int pos = 0;
        int end = path.length();
        while (pos < end) {
            if (path.startsWith("../", pos)) {
                pos += 3;
            } else if (path.startsWith("./", pos)) {
                pos += 2;
            } else if (path.startsWith("/./", pos)) {
                pos += 2;
            } else if (pos + 2 == end && path.startsWith("/.", pos)) {
                path = path.substring(0, pos) + "/";
                end = path.length();
            } else if (path.startsWith("/../", pos)) {
                pos += 3;
                removeLastSegment(out);
            } else if (pos + 3 == end && path.startsWith("/..", pos)) {
                path = path.substring(0, pos) + "/";
                end = path.length();
                removeLastSegment(out);
            } else if ((pos + 1 == end && path.charAt(pos) == '.') || (pos + 2 == end && path.startsWith("..", pos))) {
                pos = end;
            } else {
                int next = path.indexOf('/', pos + 1);
                if (next < 0) {
                    next = end;
                }
                out.append(path, pos, next);
                pos = next;
            }
        }
        return out.toString();
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }
}
