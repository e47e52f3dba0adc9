package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.Trust;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

import java.util.Locale;
import java.util.HashMap;
import java.util.Map;

/**
 * The report inside the eval frame: one element per rendered chunk, kept in notebook order,
 * plus one stylesheet per css chunk, and the output areas that code writes into
 * ({@link #outputArea}, for {@code iodide.output}).
 */
final class ReportView {
    private static final String OUTPUT_CLASS = "report-output";
    private final HTMLDocument document;
    private final HTMLElement report;
    /** The markdown HTML shown for each chunk, as the editor sent it, to render again when trust changes. */
    private final Map<String, String> shownHtml = new HashMap<>();
    private Trust trust = Trust.UNTRUSTED;

    ReportView(HTMLDocument document, HTMLElement report) {
        this.document = document;
        this.report = report;
    }

    /**
     * Shows a chunk's rendered markdown. spec: raw HTML in markdown is sanitized, so opening a
     * notebook never runs its code; without the sanitizer the HTML is shown as text. Once the
     * notebook is {@link Trust#TRUSTED} the HTML is shown as written, inline event handlers
     * included, as Iodide showed it.
     */
    void showHtml(String chunkId, int order, String html) {
        shownHtml.put(chunkId, html);
        HTMLElement element = element(report, "div", "report-chunk", chunkId, order);
        if (trust == Trust.TRUSTED) {
            // Not sanitized at all, rather than with a laxer DOMPurify profile: a trusted notebook's
            // code already runs in this frame with every right the HTML could have, so sanitizing
            // would protect nothing and only break what Iodide's notebooks did (onclick, inline
            // style, forms, iframes). <script> elements set by innerHTML never run, as in Iodide.
            element.setInnerHTML(html);
            ReportLibs.renderMathIn(element);
            return;
        }
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

    /** Shows every chunk's markdown again under {@code newTrust}, if it changed. */
    void setTrust(Trust newTrust) {
        if (newTrust == trust) {
            return;
        }
        trust = newTrust;
        for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, "report-chunk")) {
                Element element = (Element) child;
                String chunkId = element.getAttribute("data-chunk-id");
                String html = shownHtml.get(chunkId);
                if (html != null) {
                    showHtml(chunkId, Integer.parseInt(element.getAttribute("data-order")), html);
                }
            }
        }
    }

    /**
     * The element where code run by {@code chunkId} writes into the report ({@code iodide.output}):
     * a {@code <div class="report-output" data-chunk-id>}, created on first use in the chunk's
     * place. The frame knows only chunk ids, which the parser hands out in notebook order
     * ({@code "c" + n}) when a notebook is opened: the area goes before the first report element
     * of a later id, else at the end (a chunk added while editing may get an id out of order).
     */
    HTMLElement outputArea(String chunkId) {
        HTMLElement existing = child(report, OUTPUT_CLASS, chunkId);
        if (existing != null) {
            return existing;
        }
        HTMLElement area = document.createElement("div");
        area.setAttribute("class", OUTPUT_CLASS);
        area.setAttribute("data-chunk-id", chunkId);
        long number = idNumber(chunkId);
        Node before = null;
        for (Node child = report.getFirstChild(); child != null && number >= 0; child = child.getNextSibling()) {
            if ((isElement(child, "report-chunk") || isElement(child, OUTPUT_CLASS))
                    && idNumber(((Element) child).getAttribute("data-chunk-id")) > number) {
                before = child;
                break;
            }
        }
        report.insertBefore(area, before);
        return area;
    }

    /** Takes what a chunk's last run wrote out of the report, as Iodide did when a chunk ran again. */
    void clearOutput(String chunkId) {
        removeChild(report, OUTPUT_CLASS, chunkId);
    }

    /** The n of a chunk id {@code "c" + n}; -1 for other ids (console inputs). */
    private static long idNumber(String chunkId) {
        if (chunkId == null || chunkId.length() < 2 || chunkId.charAt(0) != 'c') {
            return -1;
        }
        try {
            return Long.parseLong(chunkId.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HTMLElement child(HTMLElement parent, String className, String chunkId) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, className) && chunkId.equals(((Element) child).getAttribute("data-chunk-id"))) {
                return (HTMLElement) child;
            }
        }
        return null;
    }

    /** Takes a chunk's HTML and stylesheet out of the report. */
    void remove(String chunkId) {
        shownHtml.remove(chunkId);
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
