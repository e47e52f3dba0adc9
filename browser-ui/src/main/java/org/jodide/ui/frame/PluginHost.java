package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.iomd.FetchKind;

import java.util.HashMap;
import java.util.Map;

/**
 * The language plugins registered in this frame, as in Iodide: a plugin's script defines a global
 * object whose evaluator runs the code of the plugin's chunks.
 */
final class PluginHost {
    private final Map<String, EditorToFrame.RegisterPlugin> languages = new HashMap<>();

    /** Loads the plugin's script and checks that it defines the evaluator the plugin names. */
    void register(EditorToFrame.RegisterPlugin plugin, ExecutionListener listener) {
        FetchLoader.load(new EditorToFrame.FetchRequest(FetchKind.JS, null, plugin.url()), (error, detail) -> {
            if (error != null) {
                listener.finished(null, "The plugin " + plugin.languageId() + " could not be loaded: " + error);
                return;
            }
            String method = evaluator(plugin);
            if (!JsEvaluator.hasFunction(plugin.module(), method)) {
                listener.finished(null, "The plugin " + plugin.languageId() + " loaded " + plugin.url()
                        + ", but it defines no function " + plugin.module() + "." + method);
                return;
            }
            languages.put(plugin.languageId(), plugin);
            listener.finished(null, null);
        });
    }

    void run(EditorToFrame.RunPluginCode run, ExecutionListener listener) {
        EditorToFrame.RegisterPlugin plugin = languages.get(run.languageId());
        if (plugin == null) {
            listener.finished(null, "No plugin for the language " + run.languageId()
                    + " is registered: run its plugin chunk first.");
            return;
        }
        JsEvaluator.callPlugin(plugin.module(), evaluator(plugin), run.code(), listener);
    }

    /** spec: an asyncEvaluator, when given, is preferred; its promise is awaited. */
    private static String evaluator(EditorToFrame.RegisterPlugin plugin) {
        return plugin.asyncEvaluator() != null ? plugin.asyncEvaluator() : plugin.evaluator();
    }
}
