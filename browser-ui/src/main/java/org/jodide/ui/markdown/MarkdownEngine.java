package org.jodide.ui.markdown;

import org.jodide.core.markdown.HtmlText;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The markdown renderer of the editor page and of embedded notebooks: {@link MarkdownModule}
 * compiled on its own (markdown.wasm, else markdown.js), which loads beside the application instead
 * of inside it ({@code markdown-engine.js} in static/src/main/js/page, part of page-support.js; the
 * editor page starts the download before the application starts). Until it has loaded,
 * {@link #render} answers null and the caller shows the markdown when {@link #onSettled} calls back.
 * If it cannot load, markdown shows as its text, and {@link #onFailure} hears why.
 */
public final class MarkdownEngine {
    /** page-support.js's exports, which load the renderer. */
    private final JSObject pageSupport;
    private boolean loading;
    /** {build, render} from markdown-engine.js, once loaded. */
    private JSObject engine;
    private String failure;
    private final List<Runnable> settledListeners = new ArrayList<>();
    private final List<Consumer<String>> failureListeners = new ArrayList<>();

    /** @param pageSupport page-support.js's exports (the editor's {@code window.jodidePageSupport}, the embed's namespace's) */
    public MarkdownEngine(JSObject pageSupport) {
        this.pageSupport = pageSupport;
    }

    /** The editor page's: through {@code window.jodidePageSupport}. */
    public static MarkdownEngine ofEditorPage() {
        return new MarkdownEngine(editorPageSupport());
    }

    /** Starts loading (or picks up the load the page started); once: later calls do nothing. */
    public void load() {
        if (loading) {
            return;
        }
        loading = true;
        load(pageSupport, loaded -> {
            engine = loaded;
            settled();
        }, message -> {
            failure = message;
            failureListeners.forEach(listener -> listener.accept(message));
            settled();
        });
    }

    /**
     * {@code markdown} as HTML (not sanitized: whoever shows it sanitizes it); its text in a
     * {@code <pre>} when the renderer could not load; null while it is loading.
     */
    public String render(String markdown) {
        if (engine != null) {
            return render(engine, markdown);
        }
        return failure != null ? unrendered(markdown) : null;
    }

    /**
     * Calls {@code html} with {@code markdown} as {@link #render} renders it, at once if the renderer
     * has loaded or failed to, else once it has (starting to load it if nothing has).
     */
    public void renderWhenSettled(String markdown, Consumer<String> html) {
        load();
        if (engine != null || failure != null) {
            html.accept(render(markdown));
        } else {
            settledListeners.add(() -> html.accept(render(markdown)));
        }
    }

    /** {@code listener} runs once, when the renderer has loaded or failed to (after what it answers changed). */
    public void onSettled(Runnable listener) {
        settledListeners.add(listener);
    }

    /** {@code listener} hears why the renderer could not load, if it cannot. */
    public void onFailure(Consumer<String> listener) {
        failureListeners.add(listener);
    }

    private void settled() {
        List<Runnable> waiting = new ArrayList<>(settledListeners);
        settledListeners.clear();
        waiting.forEach(Runnable::run);
    }

    private static String unrendered(String markdown) {
        return "<pre class=\"markdown-unrendered\">" + HtmlText.escape(markdown) + "</pre>";
    }

    @JSFunctor
    private interface Loaded extends JSObject {
        void loaded(JSObject engine);
    }

    @JSFunctor
    private interface Failed extends JSObject {
        void failed(String message);
    }

    @JSBody(params = {"pageSupport", "loaded", "failed"}, script = "pageSupport.loadMarkdownEngine().then(loaded,"
            + " (failure) => failed(failure && failure.message ? failure.message : String(failure)));")
    private static native void load(JSObject pageSupport, Loaded loaded, Failed failed);

    @JSBody(script = "return window.jodidePageSupport;")
    private static native JSObject editorPageSupport();

    @JSBody(params = {"engine", "markdown"}, script = "return engine.render(markdown);")
    private static native String render(JSObject engine, String markdown);
}
