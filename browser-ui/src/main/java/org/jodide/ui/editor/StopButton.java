package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Tells, on the toolbar's Stop button, what Stop will do: interrupt (KeyboardInterrupt, the
 * variables kept) or restart the kernel, and why ({@code data-stop="interrupts"} or
 * {@code "restarts"}, and the title).
 */
final class StopButton {
    private StopButton() {
    }

    static void describe(HTMLElement button, FrameToEditor.StopSupport support) {
        if (button == null) {
            return;
        }
        if (support.keepsState()) {
            button.setAttribute("data-stop", "interrupts");
            button.setAttribute("title", "Stop the running code (Ctrl+.): Python gets a KeyboardInterrupt and keeps"
                    + " its variables; code that does not stop within a few seconds restarts the kernel");
        } else {
            button.setAttribute("data-stop", "restarts");
            button.setAttribute("title", "Stop the running code (Ctrl+.) by restarting the kernel: its variables are"
                    + " lost. " + support.note());
        }
    }
}
