package org.jodide.iomd;

import org.jodide.iomd.internal.UrlResolver;

import java.util.Optional;

/**
 * One valid line of a fetch chunk, such as {@code json: data = ./data.json // the table}.
 * Lines with errors are not fetch lines: they are reported as {@link Diagnostic}s instead.
 *
 * @param kind         what the line loads
 * @param variableName the variable it sets, present exactly when {@code kind.assignsVariable()}
 * @param url          the URL as written (may be relative)
 * @param span         the line without its line break and without a trailing comment: 0-based
 *                     UTF-16 offsets into the notebook
 * @param urlSpan      the URL as written
 */
public record FetchLine(FetchKind kind, Optional<String> variableName, String url, SourceSpan span, SourceSpan urlSpan) {
    public FetchLine {
        if (kind == null || variableName == null || url == null || span == null || urlSpan == null) {
            throw new IllegalArgumentException("all components of a FetchLine are required");
        }
    }

    /**
     * The URL to load: {@link #url()} resolved against {@code baseUrl}, the address of the notebook
     * itself (spec: relative URLs resolve against the notebook's own location), by RFC 3986
     * section 5.2. With a null or empty {@code baseUrl}, the URL as written.
     */
    public String resolve(String baseUrl) {
        return baseUrl == null || baseUrl.isEmpty() ? url : UrlResolver.resolve(baseUrl, url);
    }

    /** The same line moved by {@code delta} UTF-16 code units. */
    public FetchLine shiftedBy(int delta) {
        return delta == 0 ? this : new FetchLine(kind, variableName, url, span.shiftedBy(delta), urlSpan.shiftedBy(delta));
    }
}
