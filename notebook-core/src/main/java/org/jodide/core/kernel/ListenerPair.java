package org.jodide.core.kernel;

import java.util.function.Consumer;

/**
 * Tells one run to two listeners: {@code shown}, the views that may ask the user for input, and
 * {@code kept}, a listener that only takes note (such as the outputs kept for an .ipynb). Each
 * event goes to {@code shown} first.
 */
public final class ListenerPair implements ExecutionListener {
    private final ExecutionListener shown;
    private final ExecutionListener kept;

    public ListenerPair(ExecutionListener shown, ExecutionListener kept) {
        this.shown = shown;
        this.kept = kept;
    }

    @Override
    public void output(OutputStream stream, String text) {
        shown.output(stream, text);
        kept.output(stream, text);
    }

    @Override
    public void display(String mimeType, String data) {
        shown.display(mimeType, data);
        kept.display(mimeType, data);
    }

    @Override
    public void display(String mimeType, String data, String displayId, boolean update) {
        shown.display(mimeType, data, displayId, update);
        kept.display(mimeType, data, displayId, update);
    }

    @Override
    public void timed(double milliseconds) {
        shown.timed(milliseconds);
        kept.timed(milliseconds);
    }

    @Override
    public void finished(String value, String error) {
        shown.finished(value, error);
        kept.finished(value, error);
    }

    /** Only {@code shown} asks: the user answers once. */
    @Override
    public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
        shown.inputRequested(prompt, password, answer);
    }

    @Override
    public void clearOutput() {
        shown.clearOutput();
        kept.clearOutput();
    }

    @Override
    public void blocking() {
        shown.blocking();
        kept.blocking();
    }

    @Override
    public void skipped() {
        shown.skipped();
        kept.skipped();
    }
}
