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
}
