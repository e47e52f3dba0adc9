package org.jodide.ui.output;

import org.jodide.core.kernel.OutputStream;
import org.jodide.core.output.AnsiCss;
import org.jodide.core.output.AnsiEscapes;
import org.jodide.core.output.AnsiStyle;
import org.jodide.core.output.Printed;
import org.jodide.core.output.StyledText;
import org.jodide.core.output.TerminalLine;
import org.jodide.ui.dom.EngineText;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.CharacterData;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One view of a run's output (the console entry, the output under the chunk, or the chunk's place
 * in the report): printed text and rich displays in the order they came, then the value or error.
 * Printed text reaches the page once per animation frame, appended to the span of the stream's
 * current run (in text nodes of at most about {@link #TEXT_NODE_CHARS} characters), so printing N
 * lines costs O(N); lines dropped by the {@link org.jodide.core.output.LineCap} leave a note in
 * front. Element classes are
 * {@code PREFIX-stdout}, {@code -stderr}, {@code -status}, {@code -display}, {@code -value},
 * {@code -error} and {@code -hidden} (the note).
 *
 * <p>Long text goes in blocks: once a span holds about {@link #BLOCK_CHARS} characters and ends a
 * line, the text goes on in a new span, and the full one becomes a {@code output-block} (a block
 * box with {@code content-visibility: auto}, its height estimated from its line count). So
 * appending relays out only the last block, the browser skips the layout and paint of blocks out
 * of view, and the cap drops whole blocks instead of cutting into one huge text node. The text
 * shown is the same: a block starts at the start of a line and ends with a line feed.
 *
 * <p>A carriage return, a backspace and {@code ESC [ K} rewrite the line being written, as in a
 * terminal and in Jupyter ({@link TerminalLine}): a progress bar printed with {@code "\r"} shows as
 * one line that changes. The line is the text after the last line feed of the current span (a line that went on
 * in the other stream is rewritten from where that stream's span starts).
 *
 * <p>ANSI escape codes style the text after them, as in a terminal and in Jupyter
 * ({@link AnsiEscapes}; each stream keeps its style from one text to the next): a run of styled
 * text is a {@code span} with inline CSS ({@link AnsiCss}) inside the stream's span, and other
 * escape sequences are taken out. Text without an escape code takes the plain path (one check by
 * the engine).
 */
public final class OutputPane {
    private final HTMLDocument document;
    private final HTMLElement root;
    private final String prefix;
    private final RichOutput rich;
    private final Runnable changed;
    private HTMLElement note;
    /** The note's words, its Download button (null when it offers none) and what the button calls. */
    private CharacterData noteCount;
    private HTMLElement noteButton;
    private Runnable noteDownload;
    /** The piece (a span per run of one stream) that text of {@link #lastStream} grows, and its last text node. */
    private HTMLElement lastPiece;
    private CharacterData lastText;
    /** The style of {@link #lastText} (in a styled span unless plain). */
    private AnsiStyle lastTextStyle = AnsiStyle.PLAIN;
    private OutputStream lastStream;
    /** Each stream's style after its last text (by {@link OutputStream#ordinal()}). */
    private final AnsiStyle[] streamStyles = new AnsiStyle[OutputStream.values().length];
    /** Each stream's escape sequence cut at the end of its last text, or null. */
    private final String[] unfinishedEscapes = new String[OutputStream.values().length];
    /** The displays shown with a display id, by id: what an update replaces. */
    private final Map<String, List<HTMLElement>> displaysById = new HashMap<>();
    /**
     * Characters after which a piece's text goes on in a new text node: the browser shapes each
     * text node as a whole, so appending to one huge node would re-shape all of it every frame.
     */
    private static final int TEXT_NODE_CHARS = 8192;
    /** Characters after which a span of text is closed, at the next line end, and a new one started. */
    static final int BLOCK_CHARS = 4096;
    /** Characters and line feeds in {@link #lastPiece}. */
    private int pieceChars;
    private int pieceLines;
    /** Whether {@link #lastPiece} started at the start of a line (so it can become a block). */
    private boolean pieceStartsLine;
    /** Whether the next text starts a line: at the start, after a line feed, and after a display. */
    private boolean atLineStart = true;
    /**
     * The text nodes holding the line being written (the text after the last line feed of
     * {@link #lastPiece}), in order: the first holds it in its last {@link #lineHeadChars}
     * characters, the others whole. Plain text makes this one node; styled runs add one each.
     */
    private final List<LineNode> lineNodes = new ArrayList<>();
    private int lineHeadChars;
    /** Characters of the line being written, in {@link #lineNodes}. */
    private int lineLength;
    /** Where in that line the next character goes: {@link #lineLength} but after a carriage return. */
    private int cursor;
    /**
     * Text not in the page yet, as it came: it goes in once per animation frame. Kept as pieces,
     * not joined: in the browser a StringBuilder copies every character one by one.
     */
    private final List<String> pending = new ArrayList<>();
    private OutputStream pendingStream;
    private boolean flushScheduled;
    /**
     * Milliseconds between two appends of text that keeps coming (a loop printing): each append
     * relays out and repaints the view, and at 60 a second that work took the CPU the printing
     * code needed (a 100,000-line loop ran twice as slowly). Five a second still reads as live.
     */
    static final int STREAMING_INTERVAL_MS = 200;
    private double lastFlushAt = Double.NEGATIVE_INFINITY;

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
        Arrays.fill(streamStyles, AnsiStyle.PLAIN);
    }

    /** A text node of the line being written, and the style it shows its text in. */
    private record LineNode(CharacterData node, AnsiStyle style) {
    }

    /**
     * Shows printed text after the text and displays that came before it: at the next paint, or
     * while text keeps coming, {@link #STREAMING_INTERVAL_MS} after the last time text went in.
     */
    public void text(OutputStream stream, String text) {
        if (pendingStream != null && pendingStream != stream) {
            flush();
        }
        pendingStream = stream;
        if (!text.isEmpty()) {
            pending.add(text);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            double wait = lastFlushAt + STREAMING_INTERVAL_MS - Performance.now();
            if (wait <= 0) {
                flushAtNextPaint();
            } else {
                Window.setTimeout(this::flushAtNextPaint, wait);
            }
        }
    }

    private void flushAtNextPaint() {
        Window.requestAnimationFrame(time -> {
            flushScheduled = false;
            flush();
        });
    }

    /**
     * Puts the pending text into the page. Appending to a text node copies it, and a change
     * inside the editor is observed: once per frame, not per line, keeps long outputs linear.
     */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        lastFlushAt = Performance.now();
        List<String> texts = new ArrayList<>(pending);
        OutputStream stream = pendingStream;
        pending.clear();
        pendingStream = null;
        for (String text : texts) {
            appendText(stream, text);
        }
        changed.run();
    }

    /** Appends one text of a stream to the page, read for escape codes when it may hold some. */
    private void appendText(OutputStream stream, String text) {
        int index = stream.ordinal();
        String unfinished = unfinishedEscapes[index];
        if (unfinished == null && !EngineText.mayHoldEscapes(text)) {
            appendRun(stream, text, streamStyles[index]);
            return;
        }
        AnsiEscapes.Split split = AnsiEscapes.split(streamStyles[index], unfinished == null ? text : unfinished + text);
        streamStyles[index] = split.end();
        unfinishedEscapes[index] = split.unfinished().isEmpty() ? null : split.unfinished();
        boolean rewrites = cursor < lineLength;
        for (Printed printed : split.runs()) {
            rewrites |= !(printed instanceof StyledText run) || EngineText.movesTheCursor(run.text());
        }
        if (rewrites) {
            rewriteLine(stream, split.runs());
        } else {
            for (Printed printed : split.runs()) {
                StyledText run = (StyledText) printed;
                appendInBlocks(stream, run.text(), run.style());
            }
        }
    }

    /** Appends text of one style: as a rewrite of the line when it moves the cursor back or follows such text. */
    private void appendRun(OutputStream stream, String text, AnsiStyle style) {
        if (cursor < lineLength || EngineText.movesTheCursor(text)) {
            rewriteLine(stream, List.of(new StyledText(text, style)));
        } else {
            appendInBlocks(stream, text, style);
        }
    }

    /** Appends text that only goes on: to the current span, or in new ones at block ends. */
    private void appendInBlocks(OutputStream stream, String text, AnsiStyle style) {
        int from = 0;
        while (from < text.length()) {
            if (lastPiece == null || lastStream != stream || (pieceChars >= BLOCK_CHARS && atLineStart)) {
                startPiece(stream);
            }
            // Up to the first line end after the block is full (or all of it).
            int room = Math.max(0, BLOCK_CHARS - pieceChars);
            int lineEnd = EngineText.lineFeedFrom(text, Math.min(text.length() - 1, from + room));
            int to = lineEnd < 0 ? text.length() : lineEnd + 1;
            appendToPiece(from == 0 && to == text.length() ? text : EngineText.slice(text, from, to), style);
            from = to;
        }
    }

    /**
     * Prints text that moves the cursor back or erases, or printed after such text: the line being
     * written is replaced by what it becomes, and the lines the text ends go in before it.
     */
    private void rewriteLine(OutputStream stream, List<? extends Printed> runs) {
        if (lastPiece == null || lastStream != stream) {
            startPiece(stream);
        }
        List<StyledText> line = new ArrayList<>();
        for (int i = 0; i < lineNodes.size(); i++) {
            CharacterData node = lineNodes.get(i).node();
            String text = i == 0 ? node.substringData(node.getLength() - lineHeadChars, lineHeadChars) : node.getData();
            line.add(new StyledText(text, lineNodes.get(i).style()));
        }
        TerminalLine.AppliedStyled applied = TerminalLine.apply(line, cursor, runs);
        removeLine();
        for (StyledText run : applied.completed()) {
            appendToPiece(run.text(), run.style());
        }
        for (StyledText run : applied.line()) {
            appendToPiece(run.text(), run.style());
        }
        cursor = applied.cursor();
        atLineStart = lineLength == 0;
    }

    /** Takes the line being written out of the page (its nodes, when it was all they held). */
    private void removeLine() {
        if (!lineNodes.isEmpty()) {
            for (int i = lineNodes.size() - 1; i >= 1; i--) {
                removeTextNode(lineNodes.get(i).node());
            }
            LineNode head = lineNodes.get(0);
            if (head.node().getLength() == lineHeadChars) {
                removeTextNode(head.node());
                lastText = null;
                lastTextStyle = AnsiStyle.PLAIN;
            } else {
                head.node().deleteData(head.node().getLength() - lineHeadChars, lineHeadChars);
                lastText = head.node();
                lastTextStyle = head.style();
            }
            pieceChars -= lineLength;
        }
        lineNodes.clear();
        lineHeadChars = 0;
        lineLength = 0;
        cursor = 0;
    }

    /** Removes a text node of the last piece, with its styled span if it has one. */
    private void removeTextNode(Node node) {
        Node parent = node.getParentNode();
        lastPiece.removeChild(parent == lastPiece ? node : parent);
    }

    /** The text that comes next goes in a new piece (after a display, a question, or when the piece went). */
    private void forgetLastPiece() {
        lastPiece = null;
        lastText = null;
        lastTextStyle = AnsiStyle.PLAIN;
        lineNodes.clear();
        lineHeadChars = 0;
        lineLength = 0;
        cursor = 0;
    }

    /** Closes the current span (as a block when it is whole lines) and starts one for {@code stream}. */
    private void startPiece(OutputStream stream) {
        sealPiece();
        forgetLastPiece();
        lastPiece = document.createElement("span");
        lastPiece.setClassName(prefix + "-" + streamName(stream));
        lastStream = stream;
        pieceChars = 0;
        pieceLines = 0;
        pieceStartsLine = atLineStart;
        root.appendChild(lastPiece);
    }

    private void sealPiece() {
        if (lastPiece != null && pieceStartsLine && atLineStart && pieceChars >= BLOCK_CHARS) {
            lastPiece.getClassList().add("output-block");
            lastPiece.getStyle().setProperty("contain-intrinsic-block-size", "auto " + pieceLines + "lh");
        }
    }

    private void appendToPiece(String text, AnsiStyle style) {
        if (text.isEmpty()) {
            return;
        }
        int lastFeed = EngineText.lastLineFeed(text);
        boolean newNode = lastText == null || lastText.getLength() >= TEXT_NODE_CHARS || !lastTextStyle.equals(style);
        if (newNode) {
            lastText = (CharacterData) document.createTextNode(text);
            lastTextStyle = style;
            lastPiece.appendChild(style.isPlain() ? lastText : styled(lastText, style));
        } else {
            lastText.appendData(text);
        }
        // The nodes of the line being written: none while it is empty, so that each holds some of it.
        if (lastFeed >= 0) {
            lineNodes.clear();
            lineHeadChars = text.length() - lastFeed - 1;
            lineLength = lineHeadChars;
            if (lineHeadChars > 0) {
                lineNodes.add(new LineNode(lastText, style));
            }
        } else {
            if (newNode || lineNodes.isEmpty()) {
                lineNodes.add(new LineNode(lastText, style));
            }
            if (lineNodes.size() == 1) {
                lineHeadChars += text.length();
            }
            lineLength += text.length();
        }
        cursor = lineLength;
        pieceChars += text.length();
        pieceLines += EngineText.countLineFeeds(text);
        atLineStart = text.charAt(text.length() - 1) == '\n';
    }

    /** A span showing {@code text} in {@code style}. */
    private HTMLElement styled(Node text, AnsiStyle style) {
        HTMLElement span = document.createElement("span");
        for (Map.Entry<String, String> declaration : AnsiCss.declarations(style).entrySet()) {
            span.getStyle().setProperty(declaration.getKey(), declaration.getValue());
        }
        span.appendChild(text);
        return span;
    }

    public void display(String mimeType, String data) {
        display(mimeType, data, null, false);
    }

    /**
     * Shows a display after the output so far, kept under {@code displayId} when it is not null;
     * or ({@code update}) shows the new content in place of every display kept under that id,
     * adding nothing (IPython's {@code update_display}).
     */
    public void display(String mimeType, String data, String displayId, boolean update) {
        if (update) {
            updateDisplays(displayId, mimeType, data);
            return;
        }
        flush();
        sealPiece();
        HTMLElement shown = rich.render(mimeType, data, prefix + "-display");
        root.appendChild(shown);
        if (displayId != null) {
            displaysById.computeIfAbsent(displayId, id -> new ArrayList<>()).add(shown);
        }
        forgetLastPiece();
        atLineStart = true;
        changed.run();
    }

    /** Whether this view shows a display of {@code displayId} (as of its last update). */
    public boolean showsDisplay(String displayId) {
        return displaysById.containsKey(displayId);
    }

    private void updateDisplays(String displayId, String mimeType, String data) {
        List<HTMLElement> kept = displaysById.get(displayId);
        if (kept == null) {
            return;
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            HTMLElement old = kept.get(i);
            if (old.getParentNode() == null) {
                // Dropped by the line cap, or cleared.
                kept.remove(i);
                continue;
            }
            HTMLElement replacement = rich.render(mimeType, data, prefix + "-display");
            old.getParentNode().replaceChild(replacement, old);
            kept.set(i, replacement);
        }
        if (kept.isEmpty()) {
            displaysById.remove(displayId);
        }
        changed.run();
    }

    /**
     * Removes the first {@code lines} lines of text (and the displays among them) from the front:
     * from the page, then from the text not in the page yet. Text that would go in only to be
     * taken out again never touches the page (a loop printing without a pause fills the pending
     * text many times over before the next paint).
     */
    public void dropLines(int lines) {
        int left = dropFromPage(lines);
        if (left > 0 && !pending.isEmpty()) {
            if (firstShown() == null) {
                dropFromPending(left);
            } else {
                // The page ends inside a line that the pending text goes on with: put it in first.
                flush();
                dropFromPage(left);
            }
        }
        changed.run();
    }

    /** The first text piece or display after the note, if any. */
    private Node firstShown() {
        return note == null ? root.getFirstChild() : note.getNextSibling();
    }

    /** Drops up to {@code lines} lines from the page's front; returns how many are left to drop. */
    private int dropFromPage(int lines) {
        int left = lines;
        Node child = firstShown();
        while (child != null && left > 0) {
            Node next = child.getNextSibling();
            if (isTextPiece(child)) {
                left = dropLinesOf(child, left);
                if (child.getFirstChild() != null) {
                    break;
                }
            }
            root.removeChild(child);
            if (child == lastPiece) {
                forgetLastPiece();
            }
            child = next;
        }
        return left;
    }

    /** Drops up to {@code lines} whole lines from the front of the pending text (which starts a line). */
    private void dropFromPending(int lines) {
        int left = lines;
        while (!pending.isEmpty() && left > 0) {
            String text = pending.get(0);
            EngineText.LineFeeds found = EngineText.nthLineFeed(text, left);
            int cut = found.getAt();
            left -= found.getCounted();
            if (cut == text.length() - 1) {
                pending.remove(0);
            } else {
                if (cut >= 0) {
                    pending.set(0, EngineText.slice(text, cut + 1, text.length()));
                }
                return;
            }
        }
    }

    /** Drops up to {@code lines} lines from the front of a text piece; returns how many are left to drop. */
    private static int dropLinesOf(Node piece, int lines) {
        int left = lines;
        Node node = piece.getFirstChild();
        while (node != null && left > 0) {
            Node next = node.getNextSibling();
            // A text node, or a styled run's span holding one.
            CharacterData text = (CharacterData) (node.getNodeType() == Node.ELEMENT_NODE ? node.getFirstChild() : node);
            String data = text.getData();
            EngineText.LineFeeds found = EngineText.nthLineFeed(data, left);
            int cut = found.getAt();
            left -= found.getCounted();
            if (cut == data.length() - 1) {
                piece.removeChild(node);
            } else {
                if (cut >= 0) {
                    text.deleteData(0, cut + 1);
                }
                break;
            }
            node = next;
        }
        return left;
    }

    /**
     * Shows (or updates) the note in front: "N earlier lines not shown", with a button that calls
     * {@code download} when it is not null. The note is made once and then only its words change:
     * the line cap calls this at every drop, for each view.
     */
    public void showHidden(long hidden, String downloadLabel, Runnable download) {
        if (note == null) {
            note = document.createElement("div");
            note.setClassName(prefix + "-hidden");
            noteCount = (CharacterData) document.createTextNode("");
            note.appendChild(noteCount);
            root.insertBefore(note, root.getFirstChild());
        }
        // TeaVM makes a long a BigInt: the count is written as an int when it is one.
        String count = hidden <= Integer.MAX_VALUE ? Integer.toString((int) hidden) : Long.toString(hidden);
        noteCount.setData(count + " earlier line" + (hidden == 1 ? "" : "s") + " not shown");
        noteDownload = download;
        if (download == null) {
            if (noteButton != null) {
                note.removeChild(noteButton.getPreviousSibling());
                note.removeChild(noteButton);
                noteButton = null;
            }
            return;
        }
        if (noteButton == null) {
            noteButton = document.createElement("button");
            noteButton.setAttribute("type", "button");
            noteButton.setClassName(prefix + "-download");
            noteButton.addEventListener("click", event -> {
                event.stopPropagation();
                if (noteDownload != null) {
                    noteDownload.run();
                }
            });
            note.appendChild(document.createTextNode(" "));
            note.appendChild(noteButton);
        }
        if (!downloadLabel.equals(noteButton.getTextContent())) {
            noteButton.setTextContent(downloadLabel);
        }
    }

    /** Removes everything shown so far, and the text not shown yet: what comes next starts afresh. */
    public void clear() {
        pending.clear();
        pendingStream = null;
        root.setInnerHTML("");
        note = null;
        noteCount = null;
        noteButton = null;
        noteDownload = null;
        displaysById.clear();
        Arrays.fill(streamStyles, AnsiStyle.PLAIN);
        Arrays.fill(unfinishedEscapes, null);
        forgetLastPiece();
        lastStream = null;
        pieceChars = 0;
        pieceLines = 0;
        atLineStart = true;
        changed.run();
    }

    /**
     * Shows a question after the output so far, as Jupyter does for {@code input()}: the prompt and
     * a text field ({@code PREFIX-question}); Enter gives the field's text to {@code answer}.
     *
     * @return removes the question
     */
    public Runnable askLine(String prompt, boolean password, boolean focus, Consumer<String> answer) {
        flush();
        HTMLElement question = document.createElement("label");
        question.setClassName(prefix + "-question");
        HTMLElement promptText = document.createElement("span");
        promptText.setTextContent(prompt);
        HTMLInputElement field = (HTMLInputElement) document.createElement("input");
        field.setType(password ? "password" : "text");
        field.setAttribute("autocomplete", "off");
        field.setAttribute("spellcheck", "false");
        field.setAttribute("aria-label", prompt.isBlank() ? "Input for the running code" : prompt);
        field.addEventListener("keydown", event -> {
            if ("Enter".equals(((KeyboardEvent) event).getKey())) {
                event.preventDefault();
                event.stopPropagation();
                answer.accept(field.getValue());
            }
        });
        question.appendChild(promptText);
        question.appendChild(field);
        root.appendChild(question);
        forgetLastPiece();
        changed.run();
        if (focus) {
            field.focus();
        }
        return () -> {
            if (question.getParentNode() != null) {
                question.getParentNode().removeChild(question);
            }
        };
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

    /**
     * Whether {@code child} is a piece of printed text (a span of text nodes), not a display. The tag
     * name is compared as the DOM spells it (upper case in HTML), not with {@code equalsIgnoreCase}:
     * TeaVM lower-cases character by character through Unicode tables, and this runs for every piece
     * the line cap drops (a tenth of the frame's JavaScript while a loop printed 100,000 lines).
     */
    private static boolean isTextPiece(Node child) {
        if (child.getNodeType() != Node.ELEMENT_NODE) {
            return false;
        }
        String tagName = ((Element) child).getTagName();
        return tagName.equals("SPAN") || tagName.equals("span");
    }

    private static String streamName(OutputStream stream) {
        return switch (stream) {
            case STDOUT -> "stdout";
            case STDERR -> "stderr";
            case STATUS -> "status";
        };
    }
}
