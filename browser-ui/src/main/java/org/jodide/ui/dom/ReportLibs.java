package org.jodide.ui.dom;

import org.teavm.jso.JSBody;

/**
 * The HTML sanitizer (DOMPurify) and math renderer (KaTeX) of {@code report-libs.js}, which the
 * page's module script puts on {@code window.jodideReportLibs} before the Java code starts.
 * When the bundle is missing, {@link #sanitizeHtml} returns null: callers must then show the
 * text escaped, never the raw HTML.
 */
public final class ReportLibs {
    private ReportLibs() {
    }

    @JSBody(params = "html", script = "var libraries = window.jodideReportLibs;"
            + "return libraries ? String(libraries.sanitizeHtml(html)) : null;")
    public static native String sanitizeHtml(String html);

    /** KaTeX's HTML for {@code tex}; null when the bundle is missing. Errors render as KaTeX's red error text. */
    @JSBody(params = {"tex", "displayMode"}, script = "var libraries = window.jodideReportLibs;"
            + "return libraries ? String(libraries.renderMath(tex, displayMode)) : null;")
    public static native String renderMath(String tex, boolean displayMode);
}
