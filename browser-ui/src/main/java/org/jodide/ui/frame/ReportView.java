package org.jodide.ui.frame;

import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

/**
 * The report inside the eval frame: one element per rendered chunk and one output place per code
 * chunk that ran, kept in notebook order, plus one stylesheet per css chunk.
 */
final class ReportView {
    private final HTMLDocument document;
    private final HTMLElement report;

    ReportView(HTMLDocument document, HTMLElement report) {
        this.document = document;
        this.report = report;
    }

    /**
     * Shows a chunk's rendered markdown. spec: raw HTML in markdown is sanitized, so opening a
     * notebook never runs its code; without the sanitizer the HTML is shown as text.
     */
    void showHtml(String chunkId, int order, String html) {
        HTMLElement element = element(report, "div", "report-chunk", chunkId, order);
        String clean = ReportLibs.sanitizeHtml(html);
        if (clean == null) {
            element.setTextContent(html);
            return;
        }
        element.setInnerHTML(clean);
        ReportLibs.renderMathIn(element);
    }

    void applyCss(String chunkId, int order, String css) {
        element(document.getHead(), "style", "report-style", chunkId, order).setTextContent(css);
    }

    /**
     * The place of chunk {@code chunkId}'s output in the report, a {@code <div class="report-output"
     * data-chunk-id=...>}, kept in notebook order among the rendered chunks; created if missing.
     *
     * @param order the chunk's 0-based position in the notebook
     */
    HTMLElement outputArea(String chunkId, int order) {
        return element(report, "div", "report-output", chunkId, order);
    }

    /** The output place of chunk {@code chunkId}; when there is none yet, a new one at the end of the report. */
    HTMLElement outputArea(String chunkId) {
        HTMLElement existing = find(report, "report-output", chunkId);
        return existing != null ? existing : outputArea(chunkId, Integer.MAX_VALUE);
    }

    /** Empties chunk {@code chunkId}'s output place, if it has one. */
    void clearOutput(String chunkId) {
        HTMLElement existing = find(report, "report-output", chunkId);
        if (existing != null) {
            existing.setInnerHTML("");
            existing.removeAttribute("data-state");
        }
    }

    /** Takes a chunk's HTML and stylesheet out of the report. */
    void remove(String chunkId) {
        removeChild(report, "report-chunk", chunkId);
        removeChild(document.getHead(), "report-style", chunkId);
    }

    private static void removeChild(HTMLElement parent, String className, String chunkId) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, className) && chunkId.equals(((Element) child).getAttribute("data-chunk-id"))) {
                parent.removeChild(child);
                return;
            }
        }
    }

    /** The element of {@code chunkId} under {@code parent}, created in order if missing. */
    private HTMLElement element(HTMLElement parent, String tag, String className, String chunkId, int order) {
        HTMLElement existing = find(parent, className, chunkId);
        if (existing != null) {
            existing.setAttribute("data-order", Integer.toString(order));
            return existing;
        }
        HTMLElement created = document.createElement(tag);
        created.setAttribute("class", className);
        created.setAttribute("data-chunk-id", chunkId);
        created.setAttribute("data-order", Integer.toString(order));
        // Rendered chunks and output places share one order (elements without one, e.g. added by
        // notebook code, are passed over).
        Node before = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && ((Element) child).hasAttribute("data-order")
                    && Integer.parseInt(((Element) child).getAttribute("data-order")) > order) {
                before = child;
                break;
            }
        }
        parent.insertBefore(created, before);
        return created;
    }

    private static HTMLElement find(HTMLElement parent, String className, String chunkId) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, className) && chunkId.equals(((Element) child).getAttribute("data-chunk-id"))) {
                return (HTMLElement) child;
            }
        }
        return null;
    }

    private static boolean isElement(Node node, String className) {
        return node.getNodeType() == Node.ELEMENT_NODE && className.equals(((Element) node).getAttribute("class"));
    }
}
