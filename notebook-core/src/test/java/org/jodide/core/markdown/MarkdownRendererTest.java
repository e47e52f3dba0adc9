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
}
