package org.jodide.core.kernel;

import java.util.function.Consumer;

/** An {@link ExecutionListener} that passes everything on to another; override what to change. */
public class ForwardingListener implements ExecutionListener {
    private final ExecutionListener target;

    public ForwardingListener(ExecutionListener target) {
        this.target = target;
    }

    @Override
    public void output(OutputStream stream, String text) {
        target.output(stream, text);
    }

    @Override
    public void display(String mimeType, String data) {
        target.display(mimeType, data);
    }

    @Override
    public void display(String mimeType, String data, String displayId, boolean update) {
        target.display(mimeType, data, displayId, update);
    }

    @Override
    public void timed(double milliseconds) {
        target.timed(milliseconds);
    }

    @Override
    public void finished(String value, String error) {
        target.finished(value, error);
    }

    @Override
    public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
        target.inputRequested(prompt, password, answer);
    }

    @Override
    public void clearOutput() {
        target.clearOutput();
    }

    @Override
    public void blocking() {
        target.blocking();
    }

    @Override
    public void skipped() {
        target.skipped();
    }
}
