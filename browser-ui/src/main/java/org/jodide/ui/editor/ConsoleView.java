package org.jodide.ui.editor;

import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.output.LineCap;
import org.jodide.ui.output.OutputPane;
import org.jodide.ui.output.RichOutput;
import org.jodide.ui.output.RunMarks;
import org.jodide.ui.output.RunOutput;
import org.jodide.ui.output.RunTimeLabel;
import org.jodide.core.kernel.RunTiming;
import org.jodide.ui.output.Scroller;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The console under the report: one entry per run, with the code's label, its printed output
 * as it arrives, and its value or error. Scrolls to the newest entry (once per frame). Clicking
 * an entry of a chunk asks for the cursor to go to that chunk.
 */
final class ConsoleView {
    private final HTMLDocument document;
    private final HTMLElement root;
    private final RichOutput rich;
    private final Scroller scroller;
    private Consumer<String> entryClicked = chunkId -> { };
    /** The newest entry of each chunk (a map, not a search of the console: Run All of n chunks would be quadratic). */
    private final Map<String, HTMLElement> latestEntries = new HashMap<>();
    /** The entry of what code printed outside its runs that later such output joins while it is the newest; null when none. */
    private HTMLElement outsideEntry;
    private String outsideSource;
    private RunOutput outsideOutput;

    ConsoleView(HTMLDocument document, HTMLElement root, RichOutput rich) {
        this.document = document;
        this.root = root;
        this.rich = rich;
        this.scroller = new Scroller(root);
    }

    /** Called with the chunk id of an entry the user clicks (not when they select text in it). */
    void onEntryClicked(Consumer<String> listener) {
        entryClicked = listener;
    }

    /** Adds an entry for a run of chunk {@code chunkId} to {@code run}, which fills it in; its label shows how long {@code timing} says it took. */
    void begin(String chunkId, String label, String code, RunOutput run, RunTiming timing) {
        HTMLElement previous = latestEntry(chunkId);
        if (previous != null) {
            previous.removeAttribute("data-latest");
            previous.removeAttribute("data-stale");
        }
        HTMLElement entry = element("div", "console-entry");
        entry.setAttribute("data-state", "running");
        entry.setAttribute("data-chunk-id", chunkId);
        entry.setAttribute("data-latest", "true");
        latestEntries.put(chunkId, entry);
        HTMLElement input = element("div", "console-input");
        HTMLElement labelElement = element("span", "console-label");
        labelElement.setTextContent(label);
        HTMLElement codeElement = element("pre", "console-code");
        codeElement.setTextContent(code.strip());
        RunTimeLabel took = RunTimeLabel.pending(document, "console-time");
        input.appendChild(labelElement);
        input.appendChild(took.element());
        input.appendChild(codeElement);
        entry.appendChild(input);
        HTMLElement output = element("div", "console-output");
        entry.appendChild(output);
        entry.addEventListener("click", event -> {
            if (selectionIsEmpty()) {
                entryClicked.accept(chunkId);
            }
        });
        root.appendChild(entry);
        scroller.request();
        OutputPane pane = new OutputPane(document, output, "console", rich, scroller::request);
        run.add(pane, (value, error) -> {
            RunMarks.finished(entry, error);
            took.show(timing);
            pane.result(entry, value, error);
        });
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
        RunMarks.stale(entry, stale);
    }

    private HTMLElement latestEntry(String chunkId) {
        return latestEntries.get(chunkId);
    }

    /**
     * Empties the console (its Clear button): entries and notes go, except the entries of runs still
     * going, which go on filling in. The outputs under the chunks and in the report are not touched.
     */
    void clear() {
        HTMLElement child = (HTMLElement) root.getFirstChild();
        while (child != null) {
            HTMLElement next = (HTMLElement) child.getNextSibling();
            if (!isRunning(child)) {
                root.removeChild(child);
            }
            child = next;
        }
        latestEntries.values().removeIf(entry -> !isRunning(entry));
        scroller.request();
    }

    private static boolean isRunning(HTMLElement element) {
        return "running".equals(element.getAttribute("data-state"));
    }

    /**
     * What notebook code printed or logged while none of its runs was going (a timer's
     * {@code console.log}, a Python callback's {@code print}): an entry named after the code, which
     * what the same code prints next joins as long as nothing else came in between (a ticking timer
     * fills one entry, capped to its last lines as a run's output is).
     *
     * @param source the readable name of the code (a chunk's, "Python"); "" when not known
     */
    void outsideRun(String source, OutputStream stream, String text) {
        if (outsideEntry == null || root.getLastChild() != outsideEntry || !outsideSource.equals(source)) {
            // Not a console-entry: it is no run's (nothing waits for it to finish, Clear takes it).
            outsideEntry = element("div", "console-outside");
            outsideSource = source;
            HTMLElement input = element("div", "console-input");
            HTMLElement label = element("span", "console-label");
            label.setTextContent(outsideRunLabel(source));
            input.appendChild(label);
            outsideEntry.appendChild(input);
            HTMLElement output = element("div", "console-output");
            outsideEntry.appendChild(output);
            root.appendChild(outsideEntry);
            outsideOutput = new RunOutput(LineCap.standard(), () -> "console-output.txt")
                    .add(new OutputPane(document, output, "console", rich, scroller::request), (value, error) -> { });
        }
        outsideOutput.output(stream, text);
        scroller.request();
    }

    /** "js chunk at line 3, after its run"; "Python, between runs". */
    private static String outsideRunLabel(String source) {
        if (source.isEmpty()) {
            return "Printed outside a run";
        }
        return source + (SourceNames.namesARun(source) ? ", after its run" : ", between runs");
    }

    /** A line from Jodide itself (not from notebook code). */
    void note(String text) {
        HTMLElement note = element("div", "console-note");
        note.setTextContent(text);
        root.appendChild(note);
        scroller.request();
    }

    /**
     * A fault outside any run's own result, from Jodide (Python could not start, was lost and
     * restarted) or from notebook code (an error nobody caught in a timer or a promise).
     */
    void fault(String text) {
        HTMLElement fault = element("div", "console-fault");
        fault.setAttribute("role", "alert");
        fault.setTextContent(text);
        root.appendChild(fault);
        scroller.request();
    }

    private HTMLElement element(String tag, String className) {
        HTMLElement element = document.createElement(tag);
        element.setClassName(className);
        return element;
    }

    @JSBody(script = "return !window.getSelection() || window.getSelection().isCollapsed;")
    private static native boolean selectionIsEmpty();
}
