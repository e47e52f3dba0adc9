package org.jodide.ui.output;

import org.jodide.core.kernel.OutputStream;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;
import org.teavm.jso.dom.xml.CharacterData;

/**
 * One view of a run's output (the console entry, the output under the chunk, or the chunk's place
 * in the report): printed text and rich displays in the order they came, then the value or error.
 * Consecutive text of one stream grows a single text node, so printing N lines costs O(N); lines
 * dropped by the {@link org.jodide.core.output.LineCap} leave a note in front. Element classes are
 * {@code PREFIX-stdout}, {@code -stderr}, {@code -status}, {@code -display}, {@code -value},
 * {@code -error} and {@code -hidden} (the note).
 */
public final class OutputPane {
    private final HTMLDocument document;
    private final HTMLElement root;
    private final String prefix;
    private final RichOutput rich;
    private final Runnable changed;
    private HTMLElement note;
    private CharacterData lastText;
    private OutputStream lastStream;
    /** Text not in the page yet: it goes in once per animation frame, as one piece per stream change. */
    private final StringBuilder pending = new StringBuilder();
    private OutputStream pendingStream;
    private boolean flushScheduled;

    /**
     * @param root    where text and displays go
     * @param prefix  class name prefix of the pieces
     * @param changed called after every change (e.g. to schedule a scroll)
     */
    public OutputPane(HTMLDocument document, HTMLElement root, String prefix, RichOutput rich, Runnable changed) {
        this.document = document;
        this.root = root;
        this.prefix = prefix;
        this.rich = rich;
        this.changed = changed;
    }

    public HTMLElement root() {
        return root;
    }

    /** Shows printed text: in the page before the next paint, after the text and displays that came before it. */
    public void text(OutputStream stream, String text) {
        if (pendingStream != null && pendingStream != stream) {
            flush();
        }
        pendingStream = stream;
        pending.append(text);
        if (!flushScheduled) {
            flushScheduled = true;
            Window.requestAnimationFrame(time -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    /**
     * Puts the pending text into the page. Appending to a text node copies it, and a change
     * inside the editor is observed: once per frame, not per line, keeps long outputs linear.
     */
    public void flush() {
        if (pending.length() == 0) {
            return;
        }
        String text = pending.toString();
        OutputStream stream = pendingStream;
        pending.setLength(0);
        pendingStream = null;
        if (lastText != null && lastStream == stream) {
            lastText.appendData(text);
        } else {
            HTMLElement piece = document.createElement("span");
            piece.setClassName(prefix + "-" + streamName(stream));
            lastText = (CharacterData) document.createTextNode(text);
            lastStream = stream;
            piece.appendChild(lastText);
            root.appendChild(piece);
        }
        changed.run();
    }

    public void display(String mimeType, String data) {
        flush();
        root.appendChild(rich.render(mimeType, data, prefix + "-display"));
        lastText = null;
        changed.run();
    }

    /** Removes the first {@code lines} lines of text (and the displays among them) from the front. */
    public void dropLines(int lines) {
        flush();
        int left = lines;
        Node child = note == null ? root.getFirstChild() : note.getNextSibling();
        while (child != null && left > 0) {
            Node next = child.getNextSibling();
            CharacterData text = textOf(child);
            if (text == null) {
                root.removeChild(child);
            } else {
                String data = text.getData();
                int cut = -1;
                for (int i = data.indexOf('\n'); i >= 0 && left > 0; i = data.indexOf('\n', i + 1)) {
                    left--;
                    cut = i;
                }
                if (cut == data.length() - 1) {
                    root.removeChild(child);
                    if (text == lastText) {
                        lastText = null;
                    }
                } else if (cut >= 0) {
                    text.deleteData(0, cut + 1);
                }
            }
            child = next;
        }
        changed.run();
    }

    /**
     * Shows (or updates) the note in front: "N earlier lines not shown", with a button that calls
     * {@code download} when it is not null.
     */
    public void showHidden(long hidden, String downloadLabel, Runnable download) {
        if (note == null) {
            note = document.createElement("div");
            note.setClassName(prefix + "-hidden");
            root.insertBefore(note, root.getFirstChild());
        }
        note.setTextContent(hidden + " earlier line" + (hidden == 1 ? "" : "s") + " not shown");
        if (download != null) {
            HTMLElement button = document.createElement("button");
            button.setAttribute("type", "button");
            button.setClassName(prefix + "-download");
            button.setTextContent(downloadLabel);
            button.addEventListener("click", event -> {
                event.stopPropagation();
                download.run();
            });
            note.appendChild(document.createTextNode(" "));
            note.appendChild(button);
        }
    }

    /** Shows the run's value or error, in {@code parent} (after the output, or the output's own root). */
    public void result(HTMLElement parent, String value, String error) {
        flush();
        if (error != null) {
            parent.appendChild(pre(prefix + "-error", error));
        } else if (value != null) {
            parent.appendChild(pre(prefix + "-value", value));
        }
        changed.run();
    }

    private HTMLElement pre(String className, String text) {
        HTMLElement element = document.createElement("pre");
        element.setClassName(className);
        element.setTextContent(text);
        return element;
    }

    /** The text node of a text piece made by {@link #text}, or null for displays. */
    private CharacterData textOf(Node child) {
        if (child.getNodeType() != Node.ELEMENT_NODE || !"span".equalsIgnoreCase(((Element) child).getTagName())) {
            return null;
        }
        Node first = child.getFirstChild();
        return first != null && first.getNodeType() == Node.TEXT_NODE ? (CharacterData) first : null;
    }

    private static String streamName(OutputStream stream) {
        return switch (stream) {
            case STDOUT -> "stdout";
            case STDERR -> "stderr";
            case STATUS -> "status";
        };
    }
}
