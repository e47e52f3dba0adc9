package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.iomd.FetchKind;
import org.jodide.ui.frame.runtime.LanguageRuntime;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

import java.util.function.Consumer;

/**
 * Registers language plugins in this frame, as in Iodide: a plugin's script defines a global
 * object whose evaluator runs the code of the plugin's chunks. Each plugin that loads becomes a
 * {@link PluginRuntime} handed to {@code registry} (the frame's runtime registry).
 */
final class PluginHost {
    private final Consumer<LanguageRuntime> registry;

    PluginHost(Consumer<LanguageRuntime> registry) {
        this.registry = registry;
    }

    /** How a plugin registered from a URL settled: error null on success, then {@code language} is set. */
    interface Registered {
        void settled(String error, String detail, String language);
    }

    @JSFunctor
    interface SpecLoaded extends JSObject {
        /** Either {@code error} or the plugin's fields ({@code asyncEvaluator} may be null). */
        void loaded(String error, String languageId, String scriptUrl, String module, String evaluator,
                    String asyncEvaluator);
    }

    /**
     * spec: a fetch chunk's {@code plugin: URL} line names a plugin's JSON (the content of a plugin
     * chunk); its script URL resolves against the JSON's own URL.
     */
    void registerFromUrl(String url, Registered settled) {
        loadSpec(url, (error, languageId, scriptUrl, module, evaluator, asyncEvaluator) -> {
            if (error != null) {
                settled.settled(error, "", null);
                return;
            }
            register(languageId, scriptUrl, module, evaluator, asyncEvaluator, registerError ->
                    settled.settled(registerError, registerError == null ? "registered the language " + languageId : "",
                            registerError == null ? languageId : null));
        });
    }

    /** Fetches and checks the plugin's JSON ({@code plugin-spec.js}). */
    @JSBody(params = {"url", "loaded"}, script = "window.jodideFrameRuntime.loadPluginSpec(url, loaded);")
    private static native void loadSpec(String url, SpecLoaded loaded);

    /**
     * Loads the plugin's script and checks that it defines the evaluator the plugin names; then
     * {@code done} gets null, or the reason it failed. spec: an asyncEvaluator, when given, is
     * preferred (its promise is awaited).
     */
    void register(String languageId, String scriptUrl, String module, String evaluator, String asyncEvaluator,
                  Consumer<String> done) {
        String method = asyncEvaluator != null ? asyncEvaluator : evaluator;
        FetchLoader.load(new EditorToFrame.FetchRequest(FetchKind.JS, null, scriptUrl), (error, detail) -> {
            if (error != null) {
                done.accept("The plugin " + languageId + " could not be loaded: " + error);
            } else if (!JsEvaluator.hasFunction(module, method)) {
                done.accept("The plugin " + languageId + " loaded " + scriptUrl + ", but it defines no function "
                        + module + "." + method);
            } else {
                registry.accept(new PluginRuntime(languageId, module, method));
                done.accept(null);
            }
        });
    }
}
