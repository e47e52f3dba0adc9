package org.jodide.iomd.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference resolution examples of RFC 3986, section 5.4, with base {@code http://a/b/c/d;p?q}. */
class UrlResolverTest {
    private static final String BASE = "http://a/b/c/d;p?q";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        // 5.4.1 normal examples
        "g:h g:h", "g http://a/b/c/g", "./g http://a/b/c/g", "g/ http://a/b/c/g/", "/g http://a/g",
        "//g http://g", "?y http://a/b/c/d;p?y", "g?y http://a/b/c/g?y", "#s http://a/b/c/d;p?q#s",
        "g#s http://a/b/c/g#s", "g?y#s http://a/b/c/g?y#s", ";x http://a/b/c/;x", "g;x http://a/b/c/g;x",
        "g;x?y#s http://a/b/c/g;x?y#s", "'' http://a/b/c/d;p?q", ". http://a/b/c/", "./ http://a/b/c/",
        ".. http://a/b/", "../ http://a/b/", "../g http://a/b/g", "../.. http://a/", "../../ http://a/",
        "../../g http://a/g",
        // 5.4.2 abnormal examples
        "../../../g http://a/g", "../../../../g http://a/g", "/./g http://a/g", "/../g http://a/g",
        "g. http://a/b/c/g.", ".g http://a/b/c/.g", "g.. http://a/b/c/g..", "..g http://a/b/c/..g",
        "./../g http://a/b/g", "./g/. http://a/b/c/g/", "g/./h http://a/b/c/g/h", "g/../h http://a/b/c/h",
        "g;x=1/./y http://a/b/c/g;x=1/y", "g;x=1/../y http://a/b/c/y", "g?y/./x http://a/b/c/g?y/./x",
        "g?y/../x http://a/b/c/g?y/../x", "g#s/./x http://a/b/c/g#s/./x", "g#s/../x http://a/b/c/g#s/../x",
        "http:g http:g",
    })
    void resolvesLikeRfc3986(String reference, String expected) {
        assertEquals(expected, UrlResolver.resolve(BASE, reference));
    }

    @ParameterizedTest(name = "{0} against {1} -> {2}")
    @CsvSource(delimiter = ' ', value = {
        "data.csv https://example.com/nb/report.iomd https://example.com/nb/data.csv",
        "data.csv https://example.com https://example.com/data.csv",
        "a/b.js /notebooks/n.iomd /notebooks/a/b.js",
        "a.js '' a.js",
        "data:text/plain,x https://example.com/ data:text/plain,x",
    })
    void resolvesAgainstNotebookAddresses(String reference, String base, String expected) {
        assertEquals(expected, UrlResolver.resolve(base, reference));
    }
}
