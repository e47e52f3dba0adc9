package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.frame.runtime.LanguageRuntime;

import java.util.List;
import java.util.function.Consumer;

/**
 * A language plugin, as in Iodide: its script (already loaded, see {@link PluginHost}) defined a
 * global object whose evaluator runs the code of the plugin's chunks.
 */
final class PluginRuntime implements LanguageRuntime {
    private final String languageId;
    private final String module;
    private final String method;

    /** Runs code with {@code globalThis[module][method](code)}, awaiting a returned promise. */
    PluginRuntime(String languageId, String module, String method) {
        this.languageId = languageId;
        this.module = module;
        this.method = method;
    }

    @Override
    public String languageId() {
        return languageId;
    }

    @Override
    public void load(LoadListener listener) {
        // Its script loaded before it was registered.
        listener.ready("");
    }

    @Override
    public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
        JsEvaluator.callPlugin(module, method, code, listener);
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
        names.accept(List.of());
    }

    @Override
    public void inspect(String before, String after, Consumer<String> text) {
        text.accept("");
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
        variables.accept(List.of());
    }

    @Override
    public void interrupt() {
        // The evaluator runs on the frame's thread: nothing here can stop it.
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.NONE;
    }

    @Override
    public void dispose() {
        // The plugin's globals go with the frame.
    }
}
