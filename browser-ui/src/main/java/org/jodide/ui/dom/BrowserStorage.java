package org.jodide.ui.dom;

import org.teavm.jso.JSBody;

/**
 * The page's {@code localStorage}, which may be missing, disabled by the user or full: reads of
 * an unavailable storage give null, and a failed write says why instead of throwing.
 *
 * <pre>{@code
 * String failure = BrowserStorage.write("jodide.theme", "dark");
 * if (failure != null) { ... tell the user, nothing was stored ... }
 * }</pre>
 */
public final class BrowserStorage {
    private BrowserStorage() {
    }

    /** The value stored under {@code key}, or null when there is none or storage is unavailable. */
    @JSBody(params = "key", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).readStorage(key);")
    public static native String read(String key);

    /** Stores {@code value}; returns null on success, else the browser's reason (quota exceeded, storage disabled...). */
    @JSBody(params = {"key", "value"}, script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).writeStorage(key, value);")
    public static native String write(String key, String value);

    /** Removes {@code key}; an unavailable storage holds nothing to remove. */
    @JSBody(params = "key", script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).removeStorage(key);")
    public static native void remove(String key);
}
