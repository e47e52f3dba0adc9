package org.jodide.ui.editor;

import org.jodide.core.markdown.MarkdownRenderer;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Turns one rich output (mime type + data) into an element for the console. The console lives
 * in the editor's origin, so HTML, SVG and markdown always pass through the sanitizer; if it is
 * unavailable they are shown as text.
 */
final class RichOutput {
    private final HTMLDocument document;
    private final MarkdownRenderer markdown;

    RichOutput(HTMLDocument document, MarkdownRenderer markdown) {
        this.document = document;
        this.markdown = markdown;
    }

    HTMLElement render(String mimeType, String data) {
        HTMLElement element = document.createElement("div");
        element.setClassName("console-display");
        element.setAttribute("data-mime-type", mimeType);
        switch (mimeType) {
            case "text/html":
            case "image/svg+xml":
                setSanitizedHtml(element, data);
                break;
            case "text/markdown":
                setSanitizedHtml(element, markdown.render(data));
                ReportLibs.renderMathIn(element);
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
        String clean = ReportLibs.sanitizeHtml(html);
        if (clean != null) {
            element.setInnerHTML(clean);
        } else {
            setText(element, html);
        }
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
