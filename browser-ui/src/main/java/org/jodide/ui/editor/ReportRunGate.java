package org.jodide.ui.editor;

import org.jodide.core.Trust;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Runs the notebook when the page opens in the report view, as Iodide's report view did (Run all:
 * every chunk not marked {@code skipRunAll}), subject to {@link Trust}: a trusted notebook runs at
 * once; an untrusted one (opened by {@code ?notebook=URL}) first shows a banner,
 * {@code #trust-banner}, whose Run button ({@code #trust-run}) runs it. Any run the user starts
 * otherwise (the toolbar's Run all) makes the notebook trusted and takes the banner away. When the
 * notebook at the link cannot be loaded, nothing runs: a banner, {@code #load-error-banner}, says why.
 */
final class ReportRunGate {
    static final String MESSAGE = "This notebook runs code when it is shown. It was opened from a link, so "
            + "nothing has run yet: run it only if you trust where it comes from.";

    private final HTMLDocument document;
    private final NotebookSession session;
    private HTMLElement banner;

    ReportRunGate(HTMLDocument document, NotebookSession session) {
        this.document = document;
        this.session = session;
    }

    /** Call once the notebook is in the editor, when the page opened in the report view. */
    void open() {
        if (session.trust() == Trust.TRUSTED) {
            session.runAll();
            return;
        }
        showBanner();
        session.onTrustChange(trust -> {
            if (trust == Trust.TRUSTED) {
                hideBanner();
            }
        });
    }

    /**
     * Call instead of {@link #open()} when the notebook named by the link could not be loaded:
     * runs nothing (the editor's text is not the notebook the reader asked for) and shows
     * {@code reason} at the top of the report.
     */
    void notOpened(String reason) {
        banner("load-error-banner", reason + ". Nothing has run.");
    }

    private void showBanner() {
        banner = banner("trust-banner", MESSAGE);
        HTMLElement run = document.createElement("button");
        run.setAttribute("type", "button");
        run.setAttribute("id", "trust-run");
        run.setTextContent("Run");
        run.setAttribute("title", "Run every chunk of the notebook (Run all)");
        run.addEventListener("click", event -> session.runAll());
        banner.appendChild(run);
    }

    /** A message at the top of the output pane, where the reader of the report looks first. */
    private HTMLElement banner(String id, String message) {
        HTMLElement element = document.createElement("div");
        element.setAttribute("id", id);
        element.setAttribute("class", "trust-banner");
        element.setAttribute("role", "alert");
        HTMLElement text = document.createElement("span");
        text.setTextContent(message);
        element.appendChild(text);
        HTMLElement pane = document.getElementById("output-pane");
        pane.insertBefore(element, pane.getFirstChild());
        return element;
    }

    private void hideBanner() {
        if (banner != null && banner.getParentNode() != null) {
            banner.getParentNode().removeChild(banner);
        }
        banner = null;
    }
}
