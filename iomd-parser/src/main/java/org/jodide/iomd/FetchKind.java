package org.jodide.iomd;

import org.jodide.iomd.internal.Keywords;

import java.util.Optional;

/** What a line of a fetch chunk loads, named by the word before its colon. */
public enum FetchKind {
    /** {@code text: NAME = URL}: the response body as a string. */
    TEXT("text", true),
    /** {@code json: NAME = URL}: the response body parsed as JSON. */
    JSON("json", true),
    /** {@code arrayBuffer: NAME = URL}: the response body as an ArrayBuffer. */
    ARRAY_BUFFER("arrayBuffer", true),
    /** {@code blob: NAME = URL}: the response body as a Blob. */
    BLOB("blob", true),
    /** {@code bytes: NAME = URL}: the response body as a Uint8Array. */
    BYTES("bytes", true),
    /** {@code js: URL}: a script, run in the eval frame. */
    JS("js", false),
    /** {@code css: URL}: a style sheet, added to the report. */
    CSS("css", false),
    /** {@code plugin: URL}: a language plugin definition (the JSON of a plugin chunk). */
    PLUGIN("plugin", false),
    /** {@code wheel: URL}: a pure-Python wheel, installed into the kernel. */
    WHEEL("wheel", false);

    private final String keyword;
    private final boolean assignsVariable;

    FetchKind(String keyword, boolean assignsVariable) {
        this.keyword = keyword;
        this.assignsVariable = assignsVariable;
    }

    /** The word written before the colon, exactly (fetch types are case-sensitive). */
    public String keyword() {
        return keyword;
    }

    /** Whether lines of this kind are written {@code NAME = URL} and set a variable. */
    public boolean assignsVariable() {
        return assignsVariable;
    }

    /** The kind written as {@code word} (case-sensitive), if any. */
    public static Optional<FetchKind> fromKeyword(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(Keywords.fetchKind(word, 0, word.length()));
    }
}
