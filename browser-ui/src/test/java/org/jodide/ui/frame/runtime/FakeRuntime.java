package org.jodide.ui.frame.runtime;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.FrameToEditor;

import java.util.List;
import java.util.function.Consumer;

/** A runtime for the registry's and the status's tests: it runs nothing; the test settles its load when it wants. */
final class FakeRuntime implements LanguageRuntime {
    final String id;
    private final String name;
    LoadListener load;
    boolean disposed;

    FakeRuntime(String id) {
        this(id, "Fake " + id);
    }

    FakeRuntime(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String languageId() {
        return id;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public void load(LoadListener listener) {
        load = listener;
    }

    @Override
    public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
    }

    @Override
    public void inspect(String before, String after, Consumer<String> text) {
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
    }

    @Override
    public void interrupt() {
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.NONE;
    }

    @Override
    public void dispose() {
        disposed = true;
    }
}
