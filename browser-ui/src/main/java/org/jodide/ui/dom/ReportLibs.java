package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The HTML sanitizer (DOMPurify) and math renderer (KaTeX) of {@code report-libs.js}. The page's
 * module script puts them on {@code window.jodideReportLibs}; {@link #capture} takes them from
 * there once, at start-up, before any notebook code could replace them. When the bundle is
 * missing, {@link #sanitizeHtml} returns null: callers must then show the text escaped, never the
 * raw HTML.
 */
public final class ReportLibs {
    private static JSObject libraries;

    private ReportLibs() {
    }

    /** Keeps this page's libraries; call first thing in main. */
    public static void capture() {
        libraries = fromWindow();
    }

    public static String sanitizeHtml(String html) {
        return libraries == null ? null : sanitize(libraries, html);
    }

    /**
     * Shows HTML inside {@code wrapper}, sanitized (keeping its {@code <style>}) and isolated from
     * the page: a closed shadow root in a paint-contained wrapper, see rich-output.js. Returns
     * false when the bundle is missing; the caller must then show the text escaped.
     *
     * @param frames whether the HTML keeps its {@code <iframe>}s, sandboxed to scripts only
     *               (sanitize.js, sanitizeLiveOutputHtml): for the outputs of a run the user
     *               started, never for outputs shown again from a saved notebook
     */
    public static boolean renderIsolated(HTMLElement wrapper, String html, boolean frames) {
        if (libraries == null) {
            return false;
        }
        isolated(libraries, wrapper, html, frames);
        return true;
    }

    /** KaTeX's HTML for {@code tex}; null when the bundle is missing. Errors render as KaTeX's red error text. */
    public static String renderMath(String tex, boolean displayMode) {
        return libraries == null ? null : math(libraries, tex, displayMode);
    }

    /**
     * Gives a markdown chunk's headings under {@code root} their anchors, as Jupyter does, and its
     * footnotes ids no other chunk has (heading-anchors.js).
     */
    public static void anchorChunk(HTMLElement root) {
        if (libraries != null) {
            anchor(libraries, root);
        }
    }

    /**
     * Draws the {@code ```mermaid} blocks under {@code root} as diagrams, later (diagrams.js: Mermaid
     * loads on the first one); only where the page's libraries can (the report's frame).
     */
    public static void drawDiagramsIn(HTMLElement root) {
        if (libraries != null) {
            diagrams(libraries, root);
        }
    }

    @JSBody(params = {"libraries", "root"}, script = "if (libraries.drawDiagramsIn) libraries.drawDiagramsIn(root);")
    private static native void diagrams(JSObject libraries, HTMLElement root);

    /** {@link #drawDiagramsIn} for the isolated output {@link #renderIsolated} put in {@code wrapper}. */
    public static void drawDiagramsInOutput(HTMLElement wrapper) {
        if (libraries != null) {
            outputDiagrams(libraries, wrapper);
        }
    }

    @JSBody(params = {"libraries", "wrapper"}, script = "const host = wrapper.querySelector(':scope > .isolated-output');"
            + " if (host && libraries.drawDiagramsIn && libraries.isolatedRoot) libraries.drawDiagramsIn(libraries.isolatedRoot(host));")
    private static native void outputDiagrams(JSObject libraries, HTMLElement wrapper);

    /** Makes clicks on same-document links in {@code document} scroll the report there (heading-anchors.js). */
    public static void followFragmentLinks(HTMLDocument document) {
        if (libraries != null) {
            follow(libraries, document);
        }
    }

    @JSBody(params = {"libraries", "root"}, script = "if (libraries.anchorChunk) libraries.anchorChunk(root);")
    private static native void anchor(JSObject libraries, HTMLElement root);

    @JSBody(params = {"libraries", "document"}, script = "if (libraries.followFragmentLinks) libraries.followFragmentLinks(document);")
    private static native void follow(JSObject libraries, HTMLDocument document);

    /** Hears a link of the report that leads out of it, as written ({@code href}). */
    @JSFunctor
    public interface LinkOpener extends JSObject {
        void open(String href);
    }

    /** Hears the file of a download link clicked in the report, read by the frame, or why it could not be read ({@code error}). */
    @JSFunctor
    public interface DownloadReader extends JSObject {
        void read(String name, String base64, String error);
    }

    /**
     * Makes clicks on links of the report {@code document} (its outputs' included) that lead out of it
     * go to {@code opener} instead of loading in the report's frame, and download links to
     * {@code downloads} once the frame has read their file (outside-links.js). Returns false when the
     * bundle is missing.
     */
    public static boolean openLinksOutside(HTMLDocument document, LinkOpener opener, DownloadReader downloads) {
        return libraries != null && openOutside(libraries, document, opener, downloads);
    }

    /**
     * Makes clicks on links of the outputs this page shows from now on (the editor's: under the
     * chunks, in the console) go to {@code opener} instead of taking the page away (outside-links.js).
     */
    public static void openOutputLinksWith(LinkOpener opener) {
        if (libraries != null) {
            openOutputLinks(libraries, opener);
        }
    }

    @JSBody(params = {"libraries", "opener"}, script = "if (libraries.openOutputLinksWith) libraries.openOutputLinksWith(opener);")
    private static native void openOutputLinks(JSObject libraries, LinkOpener opener);

    @JSBody(params = {"libraries", "document", "opener", "downloads"}, script = "if (!libraries.openReportLinksOutside) return false;"
            + " libraries.openReportLinksOutside(document, opener, downloads); return true;")
    private static native boolean openOutside(JSObject libraries, HTMLDocument document, LinkOpener opener,
            DownloadReader downloads);

    /** Renders every {@code .math[data-tex]} element under {@code root} with KaTeX (see MarkdownRenderer). */
    public static void renderMathIn(HTMLElement root) {
        if (libraries != null) {
            renderAll(libraries, root);
        }
    }

    /** The report as shown, from the report frame's snapshot.js: its HTML and the css chunks' styles. */
    public interface Snapshot extends JSObject {
        @JSProperty
        String getHtml();

        @JSProperty
        String getCss();
    }

    /**
     * The report under {@code root} as HTML, with its shadow roots and canvases, and the css chunks'
     * styles under {@code head} (see snapshot.js); null when the bundle is missing.
     */
    public static Snapshot snapshot(HTMLElement root, HTMLElement head) {
        return libraries == null ? null : takeSnapshot(libraries, root, head);
    }

    /** Hears the exported page, or why it could not be made. */
    @JSFunctor
    public interface Exported extends JSObject {
        /** {@code page} is null when it failed, and {@code error} says why. */
        void exported(String page, String error);
    }

    /**
     * Builds the Export HTML page of a report snapshot (untrusted, sanitized there) and the notebook's
     * exact {@code source} (export-html.js). Returns false when the bundle is missing.
     */
    public static boolean exportHtml(String html, String css, String source, String fileName, Exported answer) {
        if (libraries == null) {
            return false;
        }
        exportPage(libraries, html, css, source, fileName, answer);
        return true;
    }

    /** Hears that the print dialog was asked for ({@code error} null), or why the report could not be printed. */
    @JSFunctor
    public interface Printed extends JSObject {
        void printed(String error);
    }

    /**
     * Prints a report snapshot (untrusted, sanitized there) as a page of its own (print-report.js);
     * {@code source} gives the page its title. Returns false when the bundle is missing.
     */
    public static boolean printReport(String html, String css, String source, String fileName, Printed answer) {
        if (libraries == null) {
            return false;
        }
        printPage(libraries, html, css, source, fileName, answer);
        return true;
    }

    @JSBody(params = {"libraries", "html", "css", "source", "fileName", "answer"},
            script = "libraries.printReportFor(html, css, source, fileName, answer);")
    private static native void printPage(JSObject libraries, String html, String css, String source, String fileName,
                                         Printed answer);

    @JSBody(params = {"libraries", "root", "head"}, script = "return libraries.snapshotReport(root, head);")
    private static native Snapshot takeSnapshot(JSObject libraries, HTMLElement root, HTMLElement head);

    @JSBody(params = {"libraries", "html", "css", "source", "fileName", "answer"},
            script = "libraries.exportHtmlFor(html, css, source, fileName, answer);")
    private static native void exportPage(JSObject libraries, String html, String css, String source, String fileName,
                                          Exported answer);

    /** The editor page's and the frame's, or the embed script's (an embedding page gets one global only: jodideEmbed). */
    @JSBody(script = "return window.jodideReportLibs || (window.jodideEmbed && window.jodideEmbed.reportLibs) || null;")
    private static native JSObject fromWindow();

    @JSBody(params = {"libraries", "html"}, script = "return String(libraries.sanitizeHtml(html));")
    private static native String sanitize(JSObject libraries, String html);

    @JSBody(params = {"libraries", "wrapper", "html", "frames"},
            script = "libraries.renderIsolated(wrapper, html, frames ? libraries.sanitizeLiveOutputHtml : undefined);")
    private static native void isolated(JSObject libraries, HTMLElement wrapper, String html, boolean frames);

    @JSBody(params = {"libraries", "tex", "displayMode"}, script = "return String(libraries.renderMath(tex, displayMode));")
    private static native String math(JSObject libraries, String tex, boolean displayMode);

    @JSBody(params = {"libraries", "root"}, script = "libraries.renderAllMath(root);")
    private static native void renderAll(JSObject libraries, HTMLElement root);
}
