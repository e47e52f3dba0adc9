package org.jodide.ui.editor;

import org.jodide.ui.dom.BrowserStorage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

import java.util.Optional;

/**
 * Texts of notebooks kept in this browser's localStorage, one per notebook and kind: the
 * notebook's absolute URL (from {@code ?notebook=}) names it, or {@value #UNTITLED} for the
 * page's own notebook. {@link #forNotebook} holds the drafts the user saved (Mod+S);
 * {@link #unsavedOf} the text left unsaved when the page was closed, to offer back. An entry is
 * the exact text (no line break normalisation) and when it was stored.
 *
 * <pre>{@code
 * DraftStore drafts = DraftStore.forNotebook(NotebookLocation.requestedUrl());
 * Optional<String> failure = drafts.save(editor.text(), DraftStore.now());
 * drafts.load().ifPresent(draft -> ...);
 * }</pre>
 */
final class DraftStore {
    static final String UNTITLED = "untitled";
    private static final String DRAFTS = "jodide.draft:";
    private static final String UNSAVED = "jodide.unsaved:";

    /**
     * @param savedAt when it was saved: milliseconds since the Unix epoch
     */
    record Draft(String text, double savedAt) {
        Draft {
            if (text == null) {
                throw new IllegalArgumentException("a draft has a text");
            }
        }
    }

    private final String key;

    private DraftStore(String prefix, String notebookUrl) {
        this.key = prefix + (notebookUrl == null ? UNTITLED : notebookUrl);
    }

    /**
     * The drafts the user saves.
     *
     * @param notebookUrl the absolute URL the notebook is loaded from, or null for the page's own notebook
     */
    static DraftStore forNotebook(String notebookUrl) {
        return new DraftStore(DRAFTS, notebookUrl);
    }

    /**
     * The text left with unsaved changes when the page was last closed.
     *
     * @param notebookUrl the absolute URL the notebook is loaded from, or null for the page's own notebook
     */
    static DraftStore unsavedOf(String notebookUrl) {
        return new DraftStore(UNSAVED, notebookUrl);
    }

    /** The storage key (for tests and messages). */
    String key() {
        return key;
    }

    /** The saved draft; empty when there is none, storage is unavailable or the entry is damaged. */
    Optional<Draft> load() {
        String stored = BrowserStorage.read(key);
        if (stored == null) {
            return Optional.empty();
        }
        StoredDraft parsed = parse(stored);
        return parsed == null ? Optional.empty() : Optional.of(new Draft(parsed.getText(), parsed.getSavedAt()));
    }

    /**
     * Keeps {@code text} as this notebook's draft, replacing the previous one.
     *
     * @param savedAt milliseconds since the Unix epoch
     * @return empty when saved, else why it was not (the previous draft is then unchanged)
     */
    Optional<String> save(String text, double savedAt) {
        return Optional.ofNullable(BrowserStorage.write(key, serialize(text, savedAt)));
    }

    void remove() {
        BrowserStorage.remove(key);
    }

    /** Now, in milliseconds since the Unix epoch. */
    @JSBody(script = "return Date.now();")
    static native double now();

    /** The stored form: {@code {"text": "...", "savedAt": ms}}. */
    interface StoredDraft extends JSObject {
        @JSProperty
        String getText();

        @JSProperty
        double getSavedAt();
    }

    @JSBody(params = {"text", "savedAt"}, script = "return JSON.stringify({text: text, savedAt: savedAt});")
    private static native String serialize(String text, double savedAt);

    /** The parsed entry, or null when it is not one of ours. */
    @JSBody(params = "stored", script = "return window.jodidePageSupport.parseDraft(stored);")
    private static native StoredDraft parse(String stored);
}
