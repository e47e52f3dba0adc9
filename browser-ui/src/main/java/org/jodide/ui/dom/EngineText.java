package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Text operations on long output done by the browser's engine (static/src/main/js/page/text.js):
 * TeaVM's own String methods walk the characters in compiled Java loops, and its substring copies
 * them, which for 100,000 printed lines a second is much of a page's work. Needs page-support.js
 * (the editor page and the eval frame load it).
 */
public final class EngineText {
    private EngineText() {
    }

    /** How many line feeds {@code text} holds. */
    @JSBody(params = "text", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).countLineFeeds(text);")
    public static native int countLineFeeds(String text);

    /** Where the first line feed at or after {@code from} is, or -1. */
    @JSBody(params = {"text", "from"}, script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).lineFeedFrom(text, from);")
    public static native int lineFeedFrom(String text, int from);

    /** Where the last line feed of {@code text} is, or -1. */
    @JSBody(params = "text", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).lastLineFeed(text);")
    public static native int lastLineFeed(String text);

    /** Whether {@code text} holds a carriage return or a backspace (which move the cursor back on its line). */
    @JSBody(params = "text", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).movesTheCursor(text);")
    public static native boolean movesTheCursor(String text);

    /** Whether {@code text} may hold a terminal escape sequence (an ESC or an 8-bit CSI). */
    @JSBody(params = "text", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).mayHoldEscapes(text);")
    public static native boolean mayHoldEscapes(String text);

    /** Where a line feed was found, and how many were counted on the way. */
    public interface LineFeeds extends JSObject {
        /** The index of the line feed found, or -1. */
        @JSProperty
        int getAt();

        @JSProperty
        int getCounted();
    }

    /**
     * Where the {@code lines}-th line feed of {@code text} is (or, with fewer, the last one; -1 if
     * none) and how many were counted.
     */
    @JSBody(params = {"text", "lines"}, script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).nthLineFeed(text, lines);")
    public static native LineFeeds nthLineFeed(String text, int lines);

    /** {@code text} from {@code from} up to (not including) {@code to}, without copying it character by character. */
    @JSBody(params = {"text", "from", "to"}, script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).slice(text, from, to);")
    public static native String slice(String text, int from, int to);
}
