package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.Trust;
import org.jodide.ui.dom.Nodes;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

import java.util.Locale;
import java.util.HashMap;
import java.util.Map;

/**
 * The report inside the eval frame: one element per rendered chunk and one output place per code
 * chunk that ran, kept in notebook order, plus one stylesheet per css chunk. Code writes into its
 * chunk's output place too ({@code iodide.output}).
 */
final class ReportView {
    private final HTMLDocument document;
    /** The report's root; notebook code may take it out of the page ({@code document.body.innerHTML = ""}): see {@link #root()}. */
    private final HTMLElement report;
    /** The markdown HTML shown for each chunk, as the editor sent it, to render again when trust changes. */
    private final Map<String, String> shownHtml = new HashMap<>();
    /**
     * Every element made by {@link #element}, by class and chunk id: found without searching the
     * report (Run All of n chunks searched it n times). One that notebook code took out of its
     * parent counts as gone (a new one is made), as when the report was searched.
     */
    private final Map<String, HTMLElement> made = new HashMap<>();
    /** The CSS of each chunk, as the editor sent it, to apply once the notebook is trusted. */
    private final Map<String, String> shownCss = new HashMap<>();
    private Trust trust = Trust.UNTRUSTED;

    ReportView(HTMLDocument document, HTMLElement report) {
        this.document = document;
        this.report = report;
        // Links to headings (a Jupyter notebook's table of contents) scroll the report.
        ReportLibs.followFragmentLinks(document);
    }

    /**
     * Shows a chunk's rendered markdown. spec: raw HTML in markdown is sanitized, so opening a
     * notebook never runs its code; without the sanitizer the HTML is shown as text. Once the
     * notebook is {@link Trust#TRUSTED} the HTML is shown as written, inline event handlers
     * included, as Iodide showed it.
     */
    void showHtml(String chunkId, int order, String html) {
        shownHtml.put(chunkId, html);
        HTMLElement element = element(root(), "div", "report-chunk", chunkId, order);
        if (trust == Trust.TRUSTED) {
            // Not sanitized at all, rather than with a laxer DOMPurify profile: a trusted notebook's
            // code already runs in this frame with every right the HTML could have, so sanitizing
            // would protect nothing and only break what Iodide's notebooks did (onclick, inline
            // style, forms, iframes). <script> elements set by innerHTML never run, as in Iodide.
            element.setInnerHTML(html);
            ReportLibs.renderMathIn(element);
            ReportLibs.anchorChunk(element);
            ReportLibs.drawDiagramsIn(element);
            return;
        }
        String clean = ReportLibs.sanitizeHtml(html);
        if (clean == null) {
            element.setTextContent(html);
            return;
        }
        element.setInnerHTML(clean);
        ReportLibs.renderMathIn(element);
        ReportLibs.anchorChunk(element);
        ReportLibs.drawDiagramsIn(element);
    }

    /** Follows the page's theme: report.css picks light or dark colours by the root's {@code data-theme}. */
    void setTheme(EditorToFrame.Theme theme) {
        document.getDocumentElement().setAttribute("data-theme", theme.name().toLowerCase(Locale.ROOT));
        // Diagrams are drawn in the theme's colours: the chunks that have any are drawn again.
        showChunksAgain(html -> html.contains("language-mermaid"));
    }

    /**
     * Applies a chunk's CSS. spec: an untrusted notebook's CSS waits until it is trusted (it could
     * hide or disguise the report, or load from elsewhere by {@code url()}); it is kept, and
     * applied then.
     */
    void applyCss(String chunkId, int order, String css) {
        shownCss.put(chunkId, css);
        element(document.getHead(), "style", "report-style", chunkId, order)
                .setTextContent(trust == Trust.TRUSTED ? css : "");
    }

    /** Shows every chunk's markdown again under {@code newTrust}, if it changed. */
    void setTrust(Trust newTrust) {
        if (newTrust == trust) {
            return;
        }
        trust = newTrust;
        for (Node child = document.getHead().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, "report-style")) {
                Element element = (Element) child;
                String css = shownCss.get(element.getAttribute("data-chunk-id"));
                ((HTMLElement) element).setTextContent(trust == Trust.TRUSTED && css != null ? css : "");
            }
        }
        showChunksAgain(html -> true);
    }

    /** Shows again, in report order, each rendered chunk whose markdown HTML (as the editor sent it) is {@code which}. */
    private void showChunksAgain(java.util.function.Predicate<String> which) {
        Node child = root().getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (isElement(child, "report-chunk")) {
                Element chunk = (Element) child;
                String chunkId = chunk.getAttribute("data-chunk-id");
                String html = shownHtml.get(chunkId);
                if (html != null && which.test(html)) {
                    showHtml(chunkId, Integer.parseInt(chunk.getAttribute("data-order")), html);
                }
            }
            child = next;
        }
    }

    /**
     * The place of chunk {@code chunkId}'s output in the report, a {@code <div class="report-output"
     * data-chunk-id=...>}, kept in notebook order among the rendered chunks; created if missing.
     *
     * @param order the chunk's 0-based position in the notebook
     */
    HTMLElement outputArea(String chunkId, int order) {
        return element(root(), "div", "report-output", chunkId, order);
    }

    /** The output place of chunk {@code chunkId}; when there is none yet, a new one at the end of the report. */
    HTMLElement outputArea(String chunkId) {
        HTMLElement existing = find(root(), "report-output", chunkId);
        return existing != null ? existing : outputArea(chunkId, Integer.MAX_VALUE);
    }

    /** Empties chunk {@code chunkId}'s output place, if it has one. */
    void clearOutput(String chunkId) {
        HTMLElement existing = find(root(), "report-output", chunkId);
        if (existing != null) {
            existing.setInnerHTML("");
            existing.removeAttribute("data-state");
        }
    }

    /**
     * The report as shown, with its outputs, for Export HTML: its HTML (shadow roots and canvases
     * kept, see snapshot.js) and the css chunks' styles as applied. Without the bundle, the report's
     * HTML alone.
     */
    FrameToEditor.ReportSnapshot snapshot(int requestId) {
        ReportLibs.Snapshot snapshot = ReportLibs.snapshot(root(), document.getHead());
        if (snapshot == null) {
            return new FrameToEditor.ReportSnapshot(requestId, outerHtml(root()), "");
        }
        return new FrameToEditor.ReportSnapshot(requestId, snapshot.getHtml(), snapshot.getCss());
    }

    @JSBody(params = "element", script = "return element.outerHTML;")
    private static native String outerHtml(HTMLElement element);

    /** Takes a chunk's HTML, stylesheet and output out of the report. */
    void remove(String chunkId) {
        shownHtml.remove(chunkId);
        shownCss.remove(chunkId);
        removeChild(root(), "report-chunk", chunkId);
        removeChild(root(), "report-output", chunkId);
        removeChild(document.getHead(), "report-style", chunkId);
    }

    private void removeChild(HTMLElement parent, String className, String chunkId) {
        HTMLElement existing = find(parent, className, chunkId);
        if (existing != null) {
            parent.removeChild(existing);
            made.remove(key(className, chunkId));
        }
    }

    /**
     * The report's root, put back into the page if notebook code took it out (a js chunk that
     * runs {@code document.body.innerHTML = ""}): later outputs and md and css chunks must still
     * show. It comes back with what it held, at the end of the body (a body is made if none is left).
     */
    private HTMLElement root() {
        if (!Nodes.isConnected(report)) {
            HTMLElement body = document.getBody();
            if (body == null) {
                body = document.createElement("body");
                document.getDocumentElement().appendChild(body);
            }
            body.appendChild(report);
        }
        return report;
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
        parent.insertBefore(created, insertionPoint(parent, order));
        made.put(key(className, chunkId), created);
        return created;
    }

    /**
     * The child before which an element of {@code order} goes: rendered chunks and output places
     * share one order (elements without one, e.g. added by notebook code, are passed over). Null
     * (the end) at once when the last ordered child comes before it, as when a notebook runs from
     * top to bottom.
     */
    private static Node insertionPoint(HTMLElement parent, int order) {
        for (Node child = parent.getLastChild(); child != null; child = child.getPreviousSibling()) {
            Integer childOrder = orderOf(child);
            if (childOrder != null) {
                if (childOrder <= order) {
                    return null;
                }
                break;
            }
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            Integer childOrder = orderOf(child);
            if (childOrder != null && childOrder > order) {
                return child;
            }
        }
        return null;
    }

    private static Integer orderOf(Node node) {
        if (node.getNodeType() != Node.ELEMENT_NODE || !((Element) node).hasAttribute("data-order")) {
            return null;
        }
        return Integer.parseInt(((Element) node).getAttribute("data-order"));
    }

    /** The element of {@code chunkId} made under {@code parent}; null when none is there (any more). */
    private HTMLElement find(HTMLElement parent, String className, String chunkId) {
        HTMLElement known = made.get(key(className, chunkId));
        return known != null && known.getParentNode() == parent ? known : null;
    }

    private static String key(String className, String chunkId) {
        return className + " " + chunkId;
    }

    private static boolean isElement(Node node, String className) {
        return node.getNodeType() == Node.ELEMENT_NODE && className.equals(((Element) node).getAttribute("class"));
    }
}
