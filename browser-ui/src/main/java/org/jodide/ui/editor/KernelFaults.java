package org.jodide.ui.editor;

import org.jodide.core.kernel.KernelState;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.function.Consumer;

/**
 * Says in the console what went wrong outside a run's own result, and offers the way out: when
 * Python cannot start (files missing, truncated, a download that stalls past the load deadline)
 * a console line and a visible Retry button next to the kernel status; when Python is lost
 * (Pyodide's fatal error, {@code os._exit}) an automatic restart with a console line; and the
 * errors nobody caught in the report's JavaScript (timers, promises), named after their chunk.
 */
final class KernelFaults {
    private final EvalFrame frame;
    private final ConsoleView console;
    private final HTMLElement retry;
    private final Consumer<String> restart;
    /** The failure already told, so a state repeated with the same detail is told once. */
    private String toldFailure;

    /**
     * @param retry   the toolbar's Retry button (hidden while Python is fine)
     * @param restart restarts the kernel, finishing the runs in flight with the given error
     */
    KernelFaults(EvalFrame frame, ConsoleView console, HTMLElement retry, Consumer<String> restart) {
        this.frame = frame;
        this.console = console;
        this.retry = retry;
        this.restart = restart;
        frame.onStateChange(this::stateChanged);
        frame.onKernelLost(this::lost);
        frame.onUncaughtError(this::uncaught);
        retry.addEventListener("click", event -> retry());
    }

    private void stateChanged(KernelState state, String detail) {
        if (state == KernelState.FAILED) {
            retry.removeAttribute("hidden");
            if (!detail.equals(toldFailure)) {
                toldFailure = detail;
                console.fault(frame.frameStarted()
                        ? "Python could not start: " + detail
                        + ". JavaScript, md and css chunks still work; press Retry (or Restart kernel) to load Python again."
                        : "The report could not start: " + detail + ". Nothing runs and the report stays empty;"
                        + " the editor works and keeps your text (Download .iomd saves it).");
            }
        } else {
            retry.setAttribute("hidden", "");
            if (state != KernelState.LOADING) {
                toldFailure = null;
            }
        }
    }

    private void retry() {
        toldFailure = null;
        console.note("Loading Python again…");
        restart.accept(EvalFrame.RESTARTED);
    }

    private void lost(String reason) {
        console.fault(reason + ". The kernel was restarted: Python's variables are lost, the notebook's text and"
                + " report are kept; run the chunks you need again.");
        restart.accept(reason + ": the kernel was restarted, and Python's variables are lost.");
    }

    private void uncaught(String source, String text) {
        console.fault((source.isEmpty() ? "In the report's JavaScript: " : "From the " + source + ": ") + text);
    }
}
