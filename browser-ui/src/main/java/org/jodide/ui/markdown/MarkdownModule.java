package org.jodide.ui.markdown;

import org.jodide.core.markdown.MarkdownRenderer;
import org.teavm.jso.JSExport;

/**
 * The markdown renderer as a module of its own, loaded by the editor page after the editor
 * starts: compiled twice from this class, to WebAssembly GC ({@code markdown.wasm}, about twice
 * as fast as TeaVM's JavaScript on the same flexmark code) and to JavaScript ({@code markdown.js},
 * for browsers without WebAssembly GC). {@code markdown-engine.js} (static/src/main/js/page) picks
 * one; both render exactly as {@link MarkdownRenderer} does on the JVM.
 */
public final class MarkdownModule {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private MarkdownModule() {
    }

    /** Nothing to start: the page calls {@link #render}. */
    public static void main(String[] args) {
    }

    /** Renders {@code markdown} as a markdown chunk shows in the report (HTML, not sanitized). */
    @JSExport
    public static String render(String markdown) {
        return RENDERER.render(markdown);
    }
}
