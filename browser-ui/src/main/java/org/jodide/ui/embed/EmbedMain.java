package org.jodide.ui.embed;

import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * Entry point of {@code embed-app.js}, the application behind the cells that {@code embed.js} makes
 * in a documentation page: the embed script imports it once the page has loaded and calls
 * {@code main} with {@code window.jodideEmbed} ready ({@link EmbedNamespace}). Without the markdown
 * renderer: pages with notebooks or markdown get {@link EmbedNotebookMain}. See docs/embed.md.
 */
public final class EmbedMain {
    private EmbedMain() {
    }

    @JSBody(script = "return window.jodideEmbed;")
    static native EmbedNamespace namespace();

    public static void main(String[] args) {
        ReportLibs.capture();
        EngineJsonStrings.install();
        new EmbeddedPage(HTMLDocument.current(), namespace(), null).start();
    }
}
