package org.jodide.ui.editor;

import org.jodide.core.kernel.KernelState;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

import java.util.Locale;

/**
 * Entry point of the notebook page ({@code index.html}): the .iomd editor, the toolbar, the
 * kernel status, and the report (the eval frame) with its console.
 */
public final class EditorMain {
    /** Delay (ms) between the last keystroke and re-rendering the report's markdown and CSS. */
    private static final int LIVE_RENDER_DELAY_MS = 120;

    private final HTMLTextAreaElement editor;
    private final NotebookController notebook;
    private final EvalFrame frame;
    private int pendingRender = -1;

    private EditorMain(HTMLDocument document) {
        editor = (HTMLTextAreaElement) document.getElementById("notebook-text");
        ConsoleView console = new ConsoleView(document, document.getElementById("console"));
        frame = new EvalFrame(document, document.getElementById("report-pane"));
        notebook = new NotebookController(frame, console);
        HTMLElement status = document.getElementById("kernel-status");
        frame.onStateChange((state, detail) -> showStatus(status, state, detail));
    }

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        new EditorMain(document).bind(document);
    }

    private void bind(HTMLDocument document) {
        editor.addEventListener("keydown", event -> onKey((KeyboardEvent) event));
        editor.addEventListener("input", event -> scheduleLiveRender());
        document.getElementById("run-chunk").addEventListener("click", event -> runAtCursor(false));
        document.getElementById("run-all").addEventListener("click", event -> notebook.runAll(editor.getValue()));
        document.getElementById("restart-kernel").addEventListener("click", event -> frame.restart());
        notebook.refreshReport(editor.getValue());
        editor.focus();
    }

    private void onKey(KeyboardEvent event) {
        if (!"Enter".equals(event.getKey())) {
            return;
        }
        boolean mod = event.isCtrlKey() || event.isMetaKey();
        if (event.isShiftKey() && mod) {
            event.preventDefault();
            notebook.runAll(editor.getValue());
        } else if (event.isShiftKey()) {
            event.preventDefault();
            runAtCursor(true);
        } else if (mod) {
            event.preventDefault();
            runAtCursor(false);
        }
    }

    /** Runs the chunk at the cursor; with {@code advance}, moves the cursor into the next chunk (Shift+Enter). */
    private void runAtCursor(boolean advance) {
        String text = editor.getValue();
        notebook.runAt(text, editor.getSelectionStart()).ifPresentOrElse(next -> {
            if (advance) {
                editor.setSelectionRange(next.bodySpan().start(), next.bodySpan().start());
            }
        }, () -> {
            if (advance) {
                editor.setSelectionRange(text.length(), text.length());
            }
        });
    }

    private void scheduleLiveRender() {
        if (pendingRender >= 0) {
            Window.clearTimeout(pendingRender);
        }
        pendingRender = Window.setTimeout(() -> {
            pendingRender = -1;
            notebook.refreshReport(editor.getValue());
        }, LIVE_RENDER_DELAY_MS);
    }

    private static void showStatus(HTMLElement status, KernelState state, String detail) {
        String label;
        switch (state) {
            case LOADING:
                label = "Python: loading…";
                break;
            case IDLE:
                label = "Python: ready";
                break;
            case BUSY:
                label = "Python: busy";
                break;
            default:
                label = "Python: failed";
        }
        status.setAttribute("data-state", state.name().toLowerCase(Locale.ROOT));
        status.setTextContent(label);
        status.setAttribute("title", detail == null || detail.isEmpty() ? label : detail);
    }
}
