package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.function.Consumer;

/**
 * A toolbar button that acts on the report as shown (Export HTML, Print): pressed, it asks the
 * report frame for a snapshot ({@link ReportSnapshots}) and hands it on. While that is under way
 * the button is disabled with {@code data-state} saying what it does, and a second press is
 * ignored. A frame that does not answer within {@link #SNAPSHOT_TIMEOUT_MS} (it cannot while it
 * runs code on its own thread) is said once, in the caller's words.
 */
final class ReportSnapshotButton {
    /** How long the frame may take to answer. */
    static final int SNAPSHOT_TIMEOUT_MS = 5_000;

    /** Uses a snapshot; calls {@code done} once when it is over, now or later. */
    interface Use {
        void use(FrameToEditor.ReportSnapshot snapshot, Runnable done);
    }

    private final HTMLElement button;
    private final String busyState;
    private final ReportSnapshots report;
    private final Consumer<String> unanswered;
    private final Use use;
    private boolean busy;

    /**
     * @param buttonId   the button's id (a page without it still acts through {@link #press})
     * @param busyState  its {@code data-state} meanwhile ({@code exporting}, {@code printing})
     * @param unanswered hears how long the frame was given ("5 s") when it did not answer
     */
    ReportSnapshotButton(HTMLDocument document, String buttonId, String busyState, ReportSnapshots report,
                         Consumer<String> unanswered, Use use) {
        this.button = document.getElementById(buttonId);
        this.busyState = busyState;
        this.report = report;
        this.unanswered = unanswered;
        this.use = use;
        if (button != null) {
            button.addEventListener("click", event -> press());
        }
    }

    /** Acts on the report as shown now, unless it is already acting. */
    void press() {
        if (busy) {
            return;
        }
        setBusy(true);
        report.snapshotReport(SNAPSHOT_TIMEOUT_MS, snapshot -> {
            if (snapshot == null) {
                setBusy(false);
                unanswered.accept(SNAPSHOT_TIMEOUT_MS / 1000 + " s");
                return;
            }
            use.use(snapshot, () -> setBusy(false));
        });
    }

    private void setBusy(boolean busy) {
        this.busy = busy;
        if (button == null) {
            return;
        }
        if (busy) {
            button.setAttribute("data-state", busyState);
            button.setAttribute("disabled", "");
        } else {
            button.removeAttribute("data-state");
            button.removeAttribute("disabled");
        }
    }
}
