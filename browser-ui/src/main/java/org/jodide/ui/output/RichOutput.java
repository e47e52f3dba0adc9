package org.jodide.ui.output;

import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Turns one rich output (mime type + data) into an element, for the console, under a chunk in
 * the editor, or in the report. HTML, SVG and markdown always pass through the sanitizer (if it
 * is unavailable they are shown as text) and render isolated from the page, in a shadow root
 * whose styles cannot reach outside it (see docs/architecture.md). The HTML of a run the user
 * started keeps its frames, sandboxed to scripts only (a folium map, IPython's IFrame); outputs
 * shown again from a saved notebook keep none, so that opening a notebook runs nothing.
 */
public final class RichOutput {
    private final HTMLDocument document;
    /** Markdown to HTML. */
    private final MarkdownToHtml markdown;
    /** Whether HTML keeps its frames (sandboxed): outputs of runs the user started. */
    private final boolean frames;

    private RichOutput(HTMLDocument document, MarkdownToHtml markdown, boolean frames) {
        this.document = document;
        this.markdown = markdown;
        this.frames = frames;
    }

    /**
     * For the outputs of runs the user started: their HTML keeps its frames, sandboxed.
     *
     * @param markdown renders text/markdown outputs as HTML, now or later (the output's element is
     *                 filled when the HTML comes: the editor's and the embed's {@code MarkdownEngine},
     *                 the frame's {@code MarkdownFromEditor}); a null answer shows them as text
     */
    public static RichOutput ofRuns(HTMLDocument document, MarkdownToHtml markdown) {
        return new RichOutput(document, markdown, true);
    }

    /** For outputs shown again from a saved notebook, or from elsewhere: their HTML keeps no frames. */
    public static RichOutput ofSavedOutputs(HTMLDocument document, MarkdownToHtml markdown) {
        return new RichOutput(document, markdown, false);
    }

    /** The element showing one output; its class is {@code className}, its data-mime-type the type. */
    public HTMLElement render(String mimeType, String data, String className) {
        HTMLElement element = document.createElement("div");
        element.setClassName(className);
        element.setAttribute("data-mime-type", mimeType);
        switch (mimeType) {
            case "text/html":
            case "image/svg+xml":
                setSanitizedHtml(element, data);
                break;
            case "text/markdown":
                renderMarkdown(element, data);
                break;
            case "image/png":
            case "image/jpeg":
                HTMLElement image = document.createElement("img");
                image.setAttribute("alt", "image output");
                image.setAttribute("src", "data:" + mimeType + ";base64," + data.replaceAll("[^A-Za-z0-9+/=]", ""));
                element.appendChild(image);
                break;
            case "text/latex":
                String math = ReportLibs.renderMath(stripMathDelimiters(data), true);
                if (math != null) {
                    element.setInnerHTML(math);
                } else {
                    setText(element, data);
                }
                break;
            default:
                setText(element, data);
        }
        return element;
    }

    private void setSanitizedHtml(HTMLElement element, String html) {
        if (!ReportLibs.renderIsolated(element, html, frames)) {
            setText(element, html);
        }
    }

    /** Markdown as in md chunks: sanitized, then math rendered by KaTeX, then shown isolated (sanitized again there). */
    private void renderMarkdown(HTMLElement element, String source) {
        markdown.render(source, html -> showMarkdown(element, source, html));
    }

    private void showMarkdown(HTMLElement element, String source, String html) {
        String clean = html == null ? null : ReportLibs.sanitizeHtml(html);
        if (clean == null) {
            setText(element, source);
            return;
        }
        HTMLElement staging = document.createElement("div");
        staging.setInnerHTML(clean);
        ReportLibs.renderMathIn(staging);
        if (!ReportLibs.renderIsolated(element, staging.getInnerHTML(), false)) {
            setText(element, source);
            return;
        }
        // Where the page's libraries draw diagrams (the report's frame), its ```mermaid blocks.
        ReportLibs.drawDiagramsInOutput(element);
    }

    private void setText(HTMLElement element, String text) {
        HTMLElement pre = document.createElement("pre");
        pre.setTextContent(text);
        element.appendChild(pre);
    }

    /** LaTeX reprs come wrapped in $...$ or $$...$$, which KaTeX does not want. */
    static String stripMathDelimiters(String latex) {
        String tex = latex.strip();
        if (tex.startsWith("$$") && tex.endsWith("$$") && tex.length() >= 4) {
            return tex.substring(2, tex.length() - 2);
        }
        if (tex.startsWith("$") && tex.endsWith("$") && tex.length() >= 2) {
            return tex.substring(1, tex.length() - 1);
        }
        return tex;
    }
}
