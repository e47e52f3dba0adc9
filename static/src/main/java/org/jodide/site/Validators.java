package org.jodide.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * HTTP validators of a served file (RFC 9110, section 8.8): a weak ETag from its size and
 * modification time, its Last-Modified date, and whether a conditional request's
 * {@code If-None-Match} / {@code If-Modified-Since} lets the server answer 304 Not Modified.
 *
 * <pre>{@code
 * Validators v = Validators.of(1234, modifiedAt);
 * v.etag();                                  // W/"4d2-18c1f6a2b40"
 * v.notModified(request.ifNoneMatch, null);  // true when the browser's copy is this one
 * }</pre>
 */
record Validators(String etag, Instant modified) {
    /** The validators of a file of {@code size} bytes last modified at {@code modified} (kept to the second, as HTTP dates are). */
    static Validators of(long size, Instant modified) {
        Instant seconds = modified.truncatedTo(ChronoUnit.SECONDS);
        return new Validators("W/\"" + Long.toHexString(size) + "-" + Long.toHexString(seconds.toEpochMilli()) + "\"", seconds);
    }

    String lastModified() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC));
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} decides when present (any of its
     * tags, compared weakly, or "*"); otherwise {@code If-Modified-Since} not older than the file.
     */
    boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String trimmed = tag.trim();
                if (trimmed.equals("*") || opaque(trimmed).equals(opaque(etag))) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** A tag without its weakness mark: weak comparison. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
