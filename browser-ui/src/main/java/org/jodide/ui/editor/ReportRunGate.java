package org.jodide.ui.editor;

import org.jodide.core.Trust;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Runs the notebook when the page opens in the report view, as Iodide's report view did (Run all:
 * every chunk not marked {@code skipRunAll}), subject to {@link Trust}: a trusted notebook runs at
 * once; an untrusted one (opened from a link, a URL or a file) waits for the reader, whom the
 * {@link TrustBanner} asks. When the notebook at the link cannot be loaded, nothing runs: a
 * banner, {@code #load-error-banner}, says why.
 */
final class ReportRunGate {
    private final HTMLDocument document;
    private final NotebookSession session;

    ReportRunGate(HTMLDocument document, NotebookSession session) {
        this.document = document;
        this.session = session;
    }

    /** Call once the notebook is in the editor, when the page opened in the report view. */
    void open() {
        if (session.trust() == Trust.TRUSTED) {
            session.runAll();
        }
    }

    /**
     * Call instead of {@link #open()} when the notebook named by the link could not be loaded:
     * runs nothing (the editor's text is not the notebook the reader asked for) and shows
     * {@code reason} at the top of the report.
     */
    void notOpened(String reason) {
        HTMLElement element = document.createElement("div");
        element.setAttribute("id", "load-error-banner");
        element.setAttribute("class", "trust-banner");
        element.setAttribute("role", "alert");
        HTMLElement text = document.createElement("span");
        text.setTextContent(reason + ". Nothing has run.");
        element.appendChild(text);
        HTMLElement pane = document.getElementById("output-pane");
        pane.insertBefore(element, pane.getFirstChild());
    }
}
