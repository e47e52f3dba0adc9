package org.jodide.core.markdown;

/** Text put into HTML as text: what the math placeholders and the markdown shown unrendered write. */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code text} with {@code &}, {@code <} and {@code >} escaped, for an element's content. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} escaped for a double-quoted attribute value. */
    public static String escapeAttribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }
}
