package org.jodide.ui.embed;

import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.ui.dom.ReportLibs;
import org.jodide.ui.markdown.MarkdownEngine;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * Entry point of {@code embed-app.js}, the application behind the cells and notebooks that
 * {@code embed.js} makes in a documentation page: the embed script imports it once the page has
 * loaded and calls {@code main} with {@code window.jodideEmbed} ready ({@link EmbedNamespace}).
 * Markdown (notebooks' md chunks, text/markdown outputs) renders with the site's markdown renderer
 * ({@link MarkdownEngine}: markdown.wasm, else markdown.js), loaded on the first markdown to show,
 * so a page of plain cells never downloads it. See docs/embed.md.
 */
public final class EmbedMain {
    private EmbedMain() {
    }

    @JSBody(script = "return window.jodideEmbed;")
    static native EmbedNamespace namespace();

    public static void main(String[] args) {
        ReportLibs.capture();
        EngineJsonStrings.install();
        EmbedNamespace namespace = namespace();
        MarkdownEngine markdown = new MarkdownEngine(namespace.getPageSupport());
        EmbeddedPage page = new EmbeddedPage(HTMLDocument.current(), namespace, markdown::renderWhenSettled);
        markdown.onFailure(page::markdownUnavailable);
        page.start();
    }
}
