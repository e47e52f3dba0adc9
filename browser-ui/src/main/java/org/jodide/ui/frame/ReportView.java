package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

import java.util.Locale;

/**
 * The report inside the eval frame: one element per rendered chunk, kept in notebook order,
 * plus one stylesheet per css chunk.
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

    /** Follows the page's theme: report.css picks light or dark colours by the root's {@code data-theme}. */
    void setTheme(EditorToFrame.Theme theme) {
        document.getDocumentElement().setAttribute("data-theme", theme.name().toLowerCase(Locale.ROOT));
    }

    void applyCss(String chunkId, int order, String css) {
        element(document.getHead(), "style", "report-style", chunkId, order).setTextContent(css);
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
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, className) && chunkId.equals(((Element) child).getAttribute("data-chunk-id"))) {
                HTMLElement existing = (HTMLElement) child;
                existing.setAttribute("data-order", Integer.toString(order));
                return existing;
            }
        }
        HTMLElement created = document.createElement(tag);
        created.setAttribute("class", className);
        created.setAttribute("data-chunk-id", chunkId);
        created.setAttribute("data-order", Integer.toString(order));
        Node before = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, className) && Integer.parseInt(((Element) child).getAttribute("data-order")) > order) {
                before = child;
                break;
            }
        }
        parent.insertBefore(created, before);
        return created;
    }

    private static boolean isElement(Node node, String className) {
        return node.getNodeType() == Node.ELEMENT_NODE && className.equals(((Element) node).getAttribute("class"));
    }
}
