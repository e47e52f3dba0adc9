package org.jodide.core.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void headingsAndEmphasisRenderAsCommonMark() {
        assertEquals("<h1>Hi</h1>\n<p>some <strong>bold</strong> text</p>\n", renderer.render("# Hi\n\nsome **bold** text\n"));
    }

    @Test
    void entitiesAreDecoded() {
        assertEquals("<p>caf\u00e9 &amp; &lt;tag&gt;</p>\n", renderer.render("caf&eacute; &amp; &lt;tag&gt;"));
    }

    @Test
    void emojiShortcodesRenderAsUnicodeCharacters() {
        assertEquals("<p>Run \u25b6 and \ud83d\udc4d</p>\n", renderer.render("Run :arrow_forward: and :+1:"));
    }

    @Test
    void unknownShortcodesAndCodeStayAsWritten() {
        assertEquals("<p>:no_such_emoji: <code>:smile:</code></p>\n", renderer.render(":no_such_emoji: `:smile:`"));
    }

    @Test
    void bareUrlsWwwAddressesAndEmailAddressesBecomeLinksOutsideCodeAndMath() {
        assertEquals("<p>See <a href=\"https://example.com/a_b?x=1\">https://example.com/a_b?x=1</a>, "
                        + "<a href=\"http://www.python.org\">www.python.org</a> and <a href=\"mailto:me@example.org\">me@example.org</a>.</p>\n",
                renderer.render("See https://example.com/a_b?x=1, www.python.org and me@example.org."));
        assertEquals("<p><code>https://no.example</code> and <span class=\"math math-inline\" data-tex=\"x = https://a.b\">x = https://a.b</span></p>\n",
                renderer.render("`https://no.example` and $x = https://a.b$"));
        assertEquals("<p><a href=\"https://t.example\">a link</a></p>\n", renderer.render("[a link](https://t.example)"));
    }

    @Test
    void footnotesAreNumberedByTheirFirstReferenceAndListedAtTheEndWithLinksBothWays() {
        String html = renderer.render("Text[^a] and again[^b] and[^a].\n\n[^b]: Second.\n[^a]: First *note*.\n");
        assertEquals("<p>Text<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>"
                + " and again<sup id=\"fnref-2\"><a class=\"footnote-ref\" href=\"#fn-2\">2</a></sup>"
                + " and<sup id=\"fnref-1-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>.</p>\n"
                + "<div class=\"footnotes\">\n<hr />\n<ol>\n"
                + "<li id=\"fn-1\">\n<p>First <em>note</em>.</p>\n"
                + "<a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a>\n<a href=\"#fnref-1-1\" class=\"footnote-backref\">&#8617;</a>\n</li>\n"
                + "<li id=\"fn-2\">\n<p>Second.</p>\n<a href=\"#fnref-2\" class=\"footnote-backref\">&#8617;</a>\n</li>\n"
                + "</ol>\n</div>\n", html);
    }

    @Test
    void eachRenderNumbersItsOwnFootnotesAndAnUndefinedOneStaysAsWritten() {
        renderer.render("A[^x].\n\n[^x]: X.\n");
        assertEquals("<p>B<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>.</p>\n"
                        + "<div class=\"footnotes\">\n<hr />\n<ol>\n<li id=\"fn-1\">\n<p>Y.</p>\n"
                        + "<a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a>\n</li>\n</ol>\n</div>\n",
                renderer.render("B[^y].\n\n[^y]: Y.\n"));
        assertEquals("<p>No such[^z].</p>\n", renderer.render("No such[^z]."));
    }
}
