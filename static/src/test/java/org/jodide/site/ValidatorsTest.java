package org.jodide.site;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorsTest {
    private final Validators file = Validators.of(1234, Instant.parse("2026-11-30T05:20:31.750Z"));

    @Test
    void theTagAndDateNameTheSizeAndTheSecondOfTheLastChange() {
        assertEquals("W/\"4d2-" + Long.toHexString(Instant.parse("2026-11-30T05:20:31Z").toEpochMilli()) + "\"", file.etag());
        assertEquals("Mon, 30 Nov 2026 05:20:31 GMT", file.lastModified());
    }

    @Test
    void ifNoneMatchDecidesWhenPresentComparedWeakly() {
        String strong = file.etag().substring(2);
        assertTrue(file.notModified(file.etag(), null));
        assertTrue(file.notModified("\"other\", " + strong, null));
        assertTrue(file.notModified("*", null));
        assertFalse(file.notModified("W/\"4d2-0\"", "Mon, 30 Nov 2026 05:20:31 GMT"), "the tag wins over the date");
    }

    @Test
    void ifModifiedSinceCountsWholeSeconds() {
        assertTrue(file.notModified(null, "Mon, 30 Nov 2026 05:20:31 GMT"));
        assertTrue(file.notModified(null, "Tue, 1 Dec 2026 00:00:00 GMT"));
        assertFalse(file.notModified(null, "Mon, 30 Nov 2026 05:20:30 GMT"));
        assertFalse(file.notModified(null, "yesterday"));
        assertFalse(file.notModified(null, null));
    }
}
