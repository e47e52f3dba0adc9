package org.jodide.ui.output;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Markdown to HTML, now or later: the editor's renderer loads after the page starts
 * ({@code MarkdownEngine}), and the eval frame asks the editor's ({@code MarkdownFromEditor}), so a
 * text/markdown output may get its HTML after its element was made.
 */
@FunctionalInterface
public interface MarkdownToHtml {
    /**
     * Calls {@code html} once with {@code markdown} as HTML (not sanitized), or with null when there
     * is no renderer (the markdown then shows as text).
     */
    void render(String markdown, Consumer<String> html);

    /** A renderer that answers at once ({@code MarkdownRenderer::render}). */
    static MarkdownToHtml now(UnaryOperator<String> renderer) {
        return (markdown, html) -> html.accept(renderer.apply(markdown));
    }
}
