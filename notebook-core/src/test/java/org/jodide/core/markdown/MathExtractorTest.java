package org.jodide.core.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MathExtractorTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void inlineMathIsKeptAwayFromEmphasis() {
        assertEquals("<p>so <span class=\"math math-inline\" data-tex=\"a_1 * b_2\">a_1 * b_2</span> holds</p>\n",
                renderer.render("so $a_1 * b_2$ holds"));
    }

    @Test
    void displayMathMaySpanLines() {
        String html = renderer.render("$$\n\\sum_{i=1}^n i\n$$\n");
        assertTrue(html.contains("<span class=\"math math-display\" data-tex=\"\\sum_{i=1}^n i\">"), html);
    }

    @Test
    void pricesAndEscapedDollarsAreNotMath() {
        assertEquals("<p>costs $5 and $6</p>\n", renderer.render("costs $5 and $6"));
        assertEquals("<p>a $ b $ c</p>\n", renderer.render("a $ b $ c"));
        assertEquals("<p>$x$</p>\n", renderer.render("\\$x\\$"));
    }

    @Test
    void codeIsNeverMath() {
        assertEquals("<p><code>$x$</code></p>\n", renderer.render("`$x$`"));
        assertEquals("<pre><code>$$y$$\n</code></pre>\n", renderer.render("```\n$$y$$\n```\n"));
    }

    @Test
    void texIsEscapedInTheHtml() {
        assertTrue(renderer.render("$a<b$").contains("data-tex=\"a&lt;b\">a&lt;b</span>"));
    }

    @Test
    void tablesAndStrikethroughRender() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n");
        assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
        assertTrue(html.contains("<del>gone</del>"), html);
    }

    @Test
    void unclosedMathStaysText() {
        assertEquals("<p>$$ open</p>\n", renderer.render("$$ open"));
    }
}
