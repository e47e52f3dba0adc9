package org.jodide.core.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BareUrlLinksTest {
    @Test
    void textWithASchemeAWwwOrAnAtSignMayHoldALink() {
        assertTrue(BareUrlLinks.mayHoldLink("see https://example.com"));
        assertTrue(BareUrlLinks.mayHoldLink("ftp://x"));
        assertTrue(BareUrlLinks.mayHoldLink("go to www.python.org"));
        assertTrue(BareUrlLinks.mayHoldLink("WWW.PYTHON.ORG"));
        assertTrue(BareUrlLinks.mayHoldLink("me@example.org"));
    }

    @Test
    void textWithoutThemIsNotLookedAt() {
        assertFalse(BareUrlLinks.mayHoldLink("Note: a colon is not a URL"));
        assertFalse(BareUrlLinks.mayHoldLink("ww and w"));
        assertFalse(BareUrlLinks.mayHoldLink("ends with www"));
        assertFalse(BareUrlLinks.mayHoldLink("x:/"));
        assertFalse(BareUrlLinks.mayHoldLink(""));
    }
}
