package org.jodide.ui.editor;

import org.jodide.core.NotebookLoads;
import org.jodide.core.Trust;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The banner at the top of the report while the open notebook is untrusted (opened from a link,
 * a URL or a dropped file: {@link Trust#UNTRUSTED}), {@code #trust-banner}: it says that nothing
 * of the notebook has run and its CSS is not applied, names what it loads from the network when
 * it runs ({@link NotebookLoads}), and offers to run it ({@code #trust-run}, Run all). It goes
 * when the notebook becomes trusted: when the user runs any of it.
 */
final class TrustBanner {
    /** The message in the report view, which runs a trusted notebook at once ({@link ReportRunGate}). */
    static final String REPORT_MESSAGE = "This notebook runs code when it is shown. It was opened from a link, so "
            + "nothing has run yet: run it only if you trust where it comes from.";
    static final String EXPLORE_MESSAGE = "Nothing in this notebook has run and its CSS is not applied: it was"
            + " opened from a link, a URL or a file. Run it only if you trust where it comes from.";
    /** How many URLs the banner names before it counts the rest. */
    private static final int URLS_SHOWN = 3;

    private final HTMLDocument document;
    private final NotebookSession session;
    private final BooleanSupplier reportView;
    private HTMLElement banner;

    /** @param reportView whether the page shows the report view now */
    TrustBanner(HTMLDocument document, NotebookSession session, BooleanSupplier reportView) {
        this.document = document;
        this.session = session;
        this.reportView = reportView;
        session.onOpened(this::update);
        session.onTrustChange(trust -> update());
    }

    private void update() {
        if (session.trust() == Trust.TRUSTED) {
            hide();
            return;
        }
        String message = reportView.getAsBoolean() ? REPORT_MESSAGE : EXPLORE_MESSAGE;
        List<String> loads = NotebookLoads.of(session.notebook(), session.baseUrl());
        if (!loads.isEmpty()) {
            message += " When it runs, it loads " + NotebookLoads.phrase(loads, URLS_SHOWN) + ".";
        }
        show(message);
    }

    private void show(String message) {
        if (banner == null) {
            banner = document.createElement("div");
            banner.setAttribute("id", "trust-banner");
            banner.setAttribute("class", "trust-banner");
            banner.setAttribute("role", "alert");
            banner.appendChild(document.createElement("span"));
            HTMLElement run = document.createElement("button");
            run.setAttribute("type", "button");
            run.setAttribute("id", "trust-run");
            run.setTextContent("Run");
            run.setAttribute("title", "Run every chunk of the notebook (Run all)");
            run.addEventListener("click", event -> session.runAll());
            banner.appendChild(run);
            HTMLElement pane = document.getElementById("output-pane");
            pane.insertBefore(banner, pane.getFirstChild());
        }
        ((HTMLElement) banner.getFirstChild()).setTextContent(message);
    }

    private void hide() {
        if (banner != null && banner.getParentNode() != null) {
            banner.getParentNode().removeChild(banner);
        }
        banner = null;
    }
}
