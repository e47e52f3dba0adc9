package org.jodide.ui.output;

import java.util.function.Consumer;

/**
 * Markdown to HTML, now or later: the renderer of the editor and of the embed loads after the page
 * starts ({@code MarkdownEngine}), and the eval frame asks the editor's ({@code MarkdownFromEditor}),
 * so a text/markdown output may get its HTML after its element was made.
 */
@FunctionalInterface
public interface MarkdownToHtml {
    /**
     * Calls {@code html} once with {@code markdown} as HTML (not sanitized), or with null when there
     * is no renderer (the markdown then shows as text).
     */
    void render(String markdown, Consumer<String> html);
}
