package org.jodide.core.kernel;

import org.jodide.core.output.TextPieces;

/**
 * An {@link ExecutionListener} that passes a run's printed text on in batches instead of line by
 * line: a loop printing 100,000 lines would otherwise cost 100,000 messages between the frames.
 * Consecutive text of one stream is joined; the batch goes out when {@link #FLUSH_DELAY_MS} have
 * passed since its first piece (by a timer, or at the next print of a run that does not yield),
 * when it reaches {@link #MAX_BATCH_CHARS}, when the stream changes,
 * and always before a display or the end of the run, so the target sees everything in the order
 * it was printed. Plain Java: the timer is given, so the rules are tested on the JVM.
 */
public final class OutputBatcher implements ExecutionListener {
    /** About one frame: output shows as it is printed, at most 60 batches a second. */
    public static final int FLUSH_DELAY_MS = 16;
    /** A text this long, with nothing waiting before it, goes out as it is. */
    public static final int PASS_THROUGH_CHARS = 4 * 1024;
    /** A batch this long goes out at once. */
    public static final int MAX_BATCH_CHARS = 64 * 1024;

    /** Time and timers (in the browser, {@code performance.now()} and {@code setTimeout}). */
    public interface Timer {
        /** Milliseconds from some fixed point. */
        double now();

        /** Runs {@code task} after {@code delayMs}, once the current task has finished. */
        void schedule(int delayMs, Runnable task);
    }

    private final ExecutionListener target;
    private final Timer timer;
    /** The batch's texts as they came, joined once when it goes out. */
    private final TextPieces batch = new TextPieces();
    private OutputStream batchStream;
    private double batchStartedAt;
    /** Counts scheduled flushes, so that a timer set for a batch already sent does nothing. */
    private int generation;
    private boolean finished;

    public OutputBatcher(ExecutionListener target, Timer timer) {
        this.target = target;
        this.timer = timer;
    }

    @Override
    public void output(OutputStream stream, String text) {
        if (finished || text.isEmpty()) {
            return;
        }
        if (batchStream != null && batchStream != stream) {
            flush();
        }
        if (batch.isEmpty() && text.length() >= PASS_THROUGH_CHARS) {
            // Already a batch (Python's printed lines come joined): joining would only copy it.
            target.output(stream, text);
            return;
        }
        boolean firstPiece = batch.isEmpty();
        double now = timer.now();
        if (firstPiece) {
            batchStartedAt = now;
        }
        batchStream = stream;
        batch.add(text);
        // A run that prints without yielding (a Python loop) never lets the timer fire: its own
        // prints send what waited long enough, so its output still shows as it goes.
        if (batch.length() >= MAX_BATCH_CHARS || now - batchStartedAt >= FLUSH_DELAY_MS) {
            flush();
        } else if (firstPiece) {
            int scheduled = generation;
            timer.schedule(FLUSH_DELAY_MS, () -> {
                if (scheduled == generation) {
                    flush();
                }
            });
        }
    }

    @Override
    public void display(String mimeType, String data) {
        flush();
        target.display(mimeType, data);
    }

    @Override
    public void display(String mimeType, String data, String displayId, boolean update) {
        flush();
        target.display(mimeType, data, displayId, update);
    }

    @Override
    public void clearOutput() {
        flush();
        target.clearOutput();
    }

    @Override
    public void inputRequested(String prompt, boolean password, java.util.function.Consumer<String> answer) {
        flush();
        target.inputRequested(prompt, password, answer);
    }

    /** The pending text goes now, then the target sends what it keeps back. */
    @Override
    public void blocking() {
        flush();
        target.blocking();
    }

    /** Passed on at once: it says nothing the batched text must come before. */
    @Override
    public void timed(double milliseconds) {
        target.timed(milliseconds);
    }

    @Override
    public void finished(String value, String error) {
        flush();
        finished = true;
        target.finished(value, error);
    }

    /** Sends the pending text, if any. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        generation++;
        String text = batch.joined();
        OutputStream stream = batchStream;
        batch.clear();
        batchStream = null;
        target.output(stream, text);
    }
}
