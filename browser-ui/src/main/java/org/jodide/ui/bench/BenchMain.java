package org.jodide.ui.bench;

import org.jodide.core.markdown.MarkdownRenderer;
import org.jodide.iomd.IomdParser;
import org.teavm.jso.JSExport;

/**
 * Benchmark-only entry point ({@code bench.js}, built into {@code static/target/bench-site},
 * never into the site): exports the notebook's parser and markdown renderer, compiled by TeaVM
 * exactly as the notebook page uses them, so {@code ./jodide bench} can time them in Chromium
 * against JavaScript libraries in the same page.
 *
 * <pre>{@code
 * import { parseNotebook, renderMarkdown } from './bench.js';
 * parseNotebook('%% py\n1+1\n');   // 1 (chunks)
 * renderMarkdown('# Title');       // length of "<h1>Title</h1>\n"
 * }</pre>
 */
public final class BenchMain {
    private static final IomdParser PARSER = IomdParser.create();
    private static MarkdownRenderer markdown;

    private BenchMain() {
    }

    /** Nothing to start: the page calls the exported functions. */
    public static void main(String[] args) {
    }

    /** Parses {@code text} as .iomd (what the notebook does on load); returns the number of chunks. */
    @JSExport
    public static int parseNotebook(String text) {
        return PARSER.parse(text).chunks().size();
    }

    /**
     * Parses {@code text} and reads every chunk's details (diagnostics, fetch lines, plugins,
     * otherwise made on first use), as {@code ./jodide check} does; returns the number of diagnostics.
     */
    @JSExport
    public static int parseAndDiagnose(String text) {
        return PARSER.parse(text).diagnostics().size();
    }

    /** Renders {@code md} as a markdown chunk is rendered in the report; returns the HTML. */
    @JSExport
    public static String renderMarkdownHtml(String md) {
        return renderer().render(md);
    }

    /** {@link #renderMarkdownHtml} returning only the HTML's length (UTF-16 code units), for timing loops. */
    @JSExport
    public static int renderMarkdown(String md) {
        return renderer().render(md).length();
    }

    /** The renderer, built on first use (as the notebook page builds one at start-up and reuses it). */
    private static MarkdownRenderer renderer() {
        if (markdown == null) {
            markdown = new MarkdownRenderer();
        }
        return markdown;
    }
}
