package org.jodide.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report libraries (report-libs.js: DOMPurify and KaTeX) as the page loads them, with KaTeX's styles and fonts. */
class ReportLibsIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @BeforeAll
    static void openNotebook() {
        page = SITE.notebookPage().open();
    }

    private static String sanitize(String html) {
        return page.string("window.jodideReportLibs.sanitizeHtml(" + json(html) + ")");
    }

    private static String json(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    @Test
    void sanitizingRemovesEverythingThatRunsCode() {
        String clean = sanitize("<p onclick=\"alert(1)\">hi<script>alert(2)</script></p>"
                + "<a href=\"javascript:alert(3)\">link</a><img src=\"x.png\" onerror=\"alert(4)\">"
                + "<iframe src=\"https://example.com\"></iframe><svg><script>alert(5)</script></svg>");
        assertFalse(clean.contains("alert"), clean);
        assertFalse(clean.contains("<script"), clean);
        assertFalse(clean.contains("<iframe"), clean);
        assertTrue(clean.contains("<p>hi</p>"), clean);
        assertTrue(clean.contains("<img src=\"x.png\">"), clean);
    }

    @Test
    void sanitizingKeepsMarkdownOutputClassesDataAttributesAndMath() {
        String html = "<h2 id=\"t\">Title</h2><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
                + "<pre><code class=\"language-py\">x = 1</code></pre>"
                + "<div class=\"note\" data-chunk=\"c1\"><span class=\"k\">text</span></div>";
        assertEquals(html, sanitize(html));
        String math = page.string("window.jodideReportLibs.renderMath('\\\\sqrt{x^2}', true)");
        String cleanMath = sanitize(math);
        assertEquals(count(math, "<span"), count(cleanMath, "<span"), "KaTeX's HTML is kept");
        assertEquals(count(math, "style=\""), count(cleanMath, "style=\""), "with its inline styles");
        for (String part : new String[] {"<svg", "<path d=", "<math", "<msqrt>", "<annotation encoding=\"application/x-tex\">"}) {
            assertTrue(cleanMath.contains(part), part + " is kept: " + cleanMath);
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void mathRendersWithKatexAndBadTexShowsAsRedErrorText() {
        String inline = page.string("window.jodideReportLibs.renderMath('e^{i\\\\pi} + 1 = 0', false)");
        assertTrue(inline.contains("class=\"katex\""), inline);
        assertFalse(inline.contains("katex-display"), "inline math is not a display block");
        assertTrue(page.string("window.jodideReportLibs.renderMath('x', true)").contains("katex-display"));
        String broken = page.string("window.jodideReportLibs.renderMath('\\\\frac{1}{', false)");
        assertTrue(broken.contains("katex-error"), broken);
    }

    @Test
    void katexStylesAndFontsAreServedBesideThePage() {
        Object statuses = ((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.all(['katex/katex.min.css', 'katex/fonts/KaTeX_Main-Regular.woff2']"
                + "  .map(url => fetch(url).then(response => response.status)))"
                + ".then(codes => done(codes.join(',')), error => done(String(error)));");
        assertEquals("200,200", statuses == null ? null : statuses.toString());
    }
}
