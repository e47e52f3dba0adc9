package org.jodide.ui.embed;

import org.jodide.core.markdown.MarkdownRenderer;
import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * Entry point of {@code embed-notebook-app.js}: {@link EmbedMain} with the markdown renderer
 * (flexmark), which {@code embed.js} loads instead when the page embeds notebooks or markdown
 * (their md chunks render; a page of plain cells does without the ~200 KB it costs).
 */
public final class EmbedNotebookMain {
    private EmbedNotebookMain() {
    }

    public static void main(String[] args) {
        ReportLibs.capture();
        EngineJsonStrings.install();
        new EmbeddedPage(HTMLDocument.current(), EmbedMain.namespace(), new MarkdownRenderer()::render).start();
    }
}
