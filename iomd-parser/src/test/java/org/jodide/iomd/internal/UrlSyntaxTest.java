package org.jodide.iomd.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class UrlSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"a.js", "./a.js", "../a.js", "/a.js", "//cdn.example.com/a.js", "https://example.com",
        "HTTP://EXAMPLE.COM/x", "https://valid-ホスト.com/file.arrow", "data:,x", "a.json?x=1&y=%20#f", "a:b/c"})
    void accepts(String url) {
        // "a:b/c" is a URL with scheme "a": rejected; every other one is fine.
        if (url.equals("a:b/c")) {
            assertNotNull(UrlSyntax.problem(url));
        } else {
            assertNull(UrlSyntax.problem(url), url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\tb", "a\u0001", "a\u007f", "\"a\"", "<a>", "a\\b", "100%", "%zz", "ftp://x/y",
        "javascript:alert(1)", "file:///etc/passwd", "https://", "https:x", "//", "blob:https://x/1"})
    void rejects(String url) {
        assertNotNull(UrlSyntax.problem(url), url);
    }
}
