package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.frame.runtime.LanguageRuntime;

import java.util.List;
import java.util.function.Consumer;

/**
 * JavaScript in the eval frame's global scope ({@link JsEvaluator}): nothing to load, and a run
 * cannot be stopped from the frame's own thread (an endless loop needs a restart of the frame).
 */
final class JavaScriptRuntime implements LanguageRuntime {
    @Override
    public String languageId() {
        return Language.JAVASCRIPT.id();
    }

    @Override
    public String displayName() {
        return "JavaScript";
    }

    @Override
    public void load(LoadListener listener) {
        listener.ready("JavaScript");
    }

    /** What the window's console hears between js runs (a timer's, an event handler's console.log). */
    @Override
    public void onOutputOutsideRuns(OutputOutsideRuns listener) {
        JsEvaluator.watchLogsOutsideRuns(listener);
    }

    @Override
    public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
        JsEvaluator.evaluate(code, firstLine, sourceName, listener);
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
        names.accept(Completions.javascript(token));
    }

    @Override
    public void inspect(String before, String after, Consumer<String> text) {
        text.accept(Completions.javascriptHelp(before, after));
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
        variables.accept(WorkspaceSnapshot.javascript());
    }

    @Override
    public void interrupt() {
        // Synchronous JavaScript holds this thread until it ends: nothing here can stop it.
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.NONE;
    }

    @Override
    public void dispose() {
        // The globals go with the frame.
    }
}
