package org.jodide.core.markdown;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * Renders the markdown of {@code md} chunks to HTML with flexmark: CommonMark with tables and
 * strikethrough, and TeX math in {@code $...$} and {@code $$...$$} left as
 * {@code <span class="math" data-tex>} elements for KaTeX (see {@link MathExtractor}). The HTML
 * is not sanitized here: whoever inserts it into a page must sanitize it. Reuse one instance:
 * flexmark's parser and renderer are built on the first render (not at construction, which stays
 * cheap for a page's start-up) and kept. Not thread-safe; the browser has one thread.
 */
public final class MarkdownRenderer {
    private Parser parser;
    private HtmlRenderer renderer;

    public String render(String markdown) {
        if (parser == null) {
            MutableDataSet options = new MutableDataSet();
            options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
            parser = Parser.builder(options).build();
            renderer = HtmlRenderer.builder(options).build();
        }
        MathExtractor math = new MathExtractor();
        String withoutMath = math.extract(markdown);
        return math.restore(renderer.render(parser.parse(withoutMath)));
    }
}
