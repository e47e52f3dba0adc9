package org.jodide.ui.editor;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

/**
 * The console under the report: one entry per run, with the code's label, its printed output
 * as it arrives, and its value or error. Scrolls to the newest entry.
 */
final class ConsoleView {
    private final HTMLDocument document;
    private final HTMLElement root;
    private final RichOutput rich;

    ConsoleView(HTMLDocument document, HTMLElement root, RichOutput rich) {
        this.document = document;
        this.root = root;
        this.rich = rich;
    }

    /** Starts an entry for a run of chunk {@code chunkId}; the returned listener fills it in. */
    ExecutionListener begin(String chunkId, String label, String code) {
        HTMLElement previous = latestEntry(chunkId);
        if (previous != null) {
            previous.removeAttribute("data-latest");
            previous.removeAttribute("data-stale");
        }
        HTMLElement entry = element("div", "console-entry");
        entry.setAttribute("data-state", "running");
        entry.setAttribute("data-chunk-id", chunkId);
        entry.setAttribute("data-latest", "true");
        HTMLElement input = element("div", "console-input");
        HTMLElement labelElement = element("span", "console-label");
        labelElement.setTextContent(label);
        HTMLElement codeElement = element("pre", "console-code");
        codeElement.setTextContent(code.strip());
        input.appendChild(labelElement);
        input.appendChild(codeElement);
        entry.appendChild(input);
        HTMLElement output = element("div", "console-output");
        entry.appendChild(output);
        root.appendChild(entry);
        scrollToEnd();
        return new ExecutionListener() {
            @Override
            public void output(OutputStream stream, String text) {
                HTMLElement piece = element("span", stream == OutputStream.STDERR ? "console-stderr"
                        : stream == OutputStream.STATUS ? "console-status" : "console-stdout");
                piece.setTextContent(text);
                output.appendChild(piece);
                scrollToEnd();
            }

            @Override
            public void display(String mimeType, String data) {
                // Printed text and displays interleave in the order they happened.
                output.appendChild(rich.render(mimeType, data));
                scrollToEnd();
            }

            @Override
            public void finished(String value, String error) {
                entry.setAttribute("data-state", error == null ? "done" : "error");
                if (error != null) {
                    HTMLElement errorElement = element("pre", "console-error");
                    errorElement.setTextContent(error);
                    entry.appendChild(errorElement);
                } else if (value != null) {
                    HTMLElement valueElement = element("pre", "console-value");
                    valueElement.setTextContent(value);
                    entry.appendChild(valueElement);
                }
                scrollToEnd();
            }
        };
    }

    /**
     * Marks the latest output of a chunk as stale (the chunk was edited since it ran) or fresh
     * again. The output itself is kept.
     */
    void markStale(String chunkId, boolean stale) {
        HTMLElement entry = latestEntry(chunkId);
        if (entry == null) {
            return;
        }
        if (stale) {
            entry.setAttribute("data-stale", "true");
            entry.setAttribute("title", "The chunk was edited after this output was produced");
        } else {
            entry.removeAttribute("data-stale");
            entry.removeAttribute("title");
        }
    }

    private HTMLElement latestEntry(String chunkId) {
        for (int i = root.getChildNodes().getLength() - 1; i >= 0; i--) {
            Node node = root.getChildNodes().item(i);
            if (node.getNodeType() == Node.ELEMENT_NODE && chunkId.equals(((Element) node).getAttribute("data-chunk-id"))
                    && "true".equals(((Element) node).getAttribute("data-latest"))) {
                return (HTMLElement) node;
            }
        }
        return null;
    }

    /** A line from Jodide itself (not from notebook code). */
    void note(String text) {
        HTMLElement note = element("div", "console-note");
        note.setTextContent(text);
        root.appendChild(note);
        scrollToEnd();
    }

    private HTMLElement element(String tag, String className) {
        HTMLElement element = document.createElement(tag);
        element.setClassName(className);
        return element;
    }

    private void scrollToEnd() {
        root.setScrollTop(root.getScrollHeight());
    }
}
