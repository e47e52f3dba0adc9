package org.jodide.ui.bench;

import org.jodide.iomd.IomdParser;
import org.teavm.jso.JSExport;

/**
 * Benchmark-only entry point ({@code bench.js}, built into {@code static/target/bench-site},
 * never into the site): exports the notebook's parser, compiled by TeaVM exactly as the notebook
 * page uses it, so {@code ./jodide bench} can time it in Chromium against JavaScript libraries in
 * the same page. (The markdown renderer is timed as the site ships it: markdown.wasm and markdown.js,
 * {@code org.jodide.ui.markdown.MarkdownModule}.)
 *
 * <pre>{@code
 * import { parseNotebook } from './bench.js';
 * parseNotebook('%% py\n1+1\n');   // 1 (chunks)
 * }</pre>
 */
public final class BenchMain {
    private static final IomdParser PARSER = IomdParser.create();

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
}
