package org.jodide.core.kernel;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Hears what one run of code does. {@link #finished} is called exactly once, last. */
public interface ExecutionListener {
    /** Text printed by the run, as it is printed. */
    void output(OutputStream stream, String text);

    /**
     * A rich output of the run: an explicit {@code display(obj)} or a value with a rich form.
     *
     * @param mimeType one of text/html, image/svg+xml, image/png, image/jpeg, text/markdown,
     *                 text/latex, text/plain
     * @param data     the content; base64 for binary images
     */
    void display(String mimeType, String data);

    /**
     * A rich output the run can show again in place (IPython's {@code display_id}): with
     * {@code update} false it is shown after the output so far, as {@link #display}; with
     * {@code update} true it replaces what the earlier displays of {@code displayId} show
     * ({@code update_display}, a display handle's {@code update}), adding nothing. A null
     * {@code displayId} (never with {@code update}) is a plain display, so a message or a sink that
     * may carry an id is passed on through this one method. By default it is shown as a plain
     * display, and an update is not shown.
     */
    default void display(String mimeType, String data, String displayId, boolean update) {
        if (!update) {
            display(mimeType, data);
        }
    }

    /**
     * How long the kernel took to run the code, measured where it ran ({@link KernelTiming}): from
     * when the code began to run, after any wait for the kernel to load or for the runs before it,
     * to its end, as Jupyter's execution times count. Called at most once, just before
     * {@link #finished}; a kernel that does not measure its runs never calls it, and a listener
     * then has only the time it waited itself. By default it is ignored.
     */
    default void timed(double milliseconds) {
    }

    /**
     * @param value a readable form (repr) of the last expression's value, or null when there is none
     * @param error the formatted error (traceback), or null on success
     */
    void finished(String value, String error);

    /**
     * The run waits for one line typed by the user (Python's {@code input()} or
     * {@code getpass.getpass()}); {@code answer} must be called exactly once, with the line
     * (without its newline), or with null when there is nowhere to ask (the run then gets an
     * {@code EOFError}, never a silent empty answer). By default there is nowhere to ask.
     *
     * @param password whether the line is secret (shown as dots, never echoed)
     */
    default void inputRequested(String prompt, boolean password, Consumer<String> answer) {
        answer.accept(null);
    }

    /**
     * The run is about to block the kernel's thread until the user answers ({@code input()} on the
     * report frame's thread, which the browser's {@code prompt()} holds): what listeners keep back
     * to send later (printed text in a batch, messages in an outbox) must go now, or it would show
     * only after the answer. By default nothing is kept back.
     */
    default void blocking() {
    }

    /**
     * The run asks to clear what it has shown so far (Jupyter's {@code clear_output}: a progress
     * display redrawn in place); what it shows next starts afresh. By default nothing is cleared.
     */
    default void clearOutput() {
    }

    /**
     * The kernel did not run the code at all and never will: an earlier run of its failure group
     * failed ({@link ExecuteRequest#failureGroup}), or Stop dropped it while it waited in the
     * kernel's queue. Called instead of {@link #finished}; by default it finishes with
     * {@link #NOT_RUN} as the error, for listeners that do not tell the two apart.
     */
    default void skipped() {
        finished(null, NOT_RUN);
    }

    /**
     * A listener that hears only how a run ends ({@code finished(value, error)}; a skipped run as
     * {@link #skipped} says by default) and nothing of what it shows.
     */
    static ExecutionListener onlyFinished(BiConsumer<String, String> finished) {
        return new ExecutionListener() {
            @Override
            public void output(OutputStream stream, String text) {
            }

            @Override
            public void display(String mimeType, String data) {
            }

            @Override
            public void finished(String value, String error) {
                finished.accept(value, error);
            }
        };
    }

    /** The error a {@link #skipped} run finishes with by default. */
    String NOT_RUN = "Not run: an earlier chunk of the same run failed, or Stop dropped it.";
}
