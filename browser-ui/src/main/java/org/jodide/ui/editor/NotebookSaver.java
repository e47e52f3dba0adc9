package org.jodide.ui.editor;

import org.jodide.core.Trust;
import org.jodide.ui.dom.Downloads;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Saving, for a static site with no server to write to: Mod+S and the Save button keep the text
 * as a draft in this browser ({@link DraftStore}), Download .iomd hands the exact text over as a
 * file, and opening a notebook brings its draft back. The toolbar's {@code #save-status} says
 * where things stand ({@code data-state}: {@code saved}, {@code edited} or {@code error}).
 *
 * <p>The user's text is never dropped silently: a draft that differs from the notebook being
 * opened is shown instead of it, with a console note and a "Discard draft" button; a notebook
 * that fails to load leaves its draft (or the editor's text) in place; a failed save says so.
 * Changes not saved when the page goes away (closed, reloaded, hidden) are kept aside
 * ({@link DraftStore#unsavedOf}) and offered back on the next visit by the toolbar's
 * {@code #recover-unsaved} button, until they are recovered, saved over or edited past.
 */
final class NotebookSaver {
    static final String DEFAULT_FILE_NAME = "notebook.iomd";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final HTMLDocument document;
    private final SourceEditor editor;
    private final NotebookSession session;
    private final ConsoleView console;
    private final String notebookUrl;
    /** The notebook data of the page's {@code #iomd=} link ({@link NotebookLink}), or null. */
    private final String linkData;
    /** Where the open notebook came from, for {@link TrustedNotebooks}: its URL, its link's name, or null (the page's own). */
    private final String place;
    /** The untrusted notebook shown, as opened, and where from: remembered as trusted when the user runs it; null when none. */
    private String untrustedText;
    private String untrustedPlace;
    private final DraftStore drafts;
    private final DraftStore unsaved;
    private final HTMLElement status;
    private final HTMLElement recover;
    /**
     * Whether the opened file started with a byte order mark. The editor shows the text without
     * it (the parser, like browsers, reads a notebook from its first character), and Download
     * puts it back, so the file comes back with the bytes it was opened with.
     */
    private boolean byteOrderMark;
    /** The unsaved text the Recover button brings back; null when it is hidden. */
    private DraftStore.Draft recoverable;
    private boolean edited;

    /**
     * @param notebookUrl the absolute URL of the notebook the page opens ({@code ?notebook=}), or null
     * @param linkData    the notebook carried by the page's link ({@code #iomd=}), or null; it wins over a URL
     */
    NotebookSaver(HTMLDocument document, SourceEditor editor, NotebookSession session, ConsoleView console,
                  String notebookUrl, String linkData) {
        this.document = document;
        this.editor = editor;
        this.session = session;
        this.console = console;
        this.linkData = linkData;
        this.notebookUrl = linkData != null ? null : notebookUrl;
        // A linked notebook's drafts are its own, not those of the page's notebook.
        this.place = linkData != null ? NotebookLink.draftName(linkData) : this.notebookUrl;
        this.drafts = DraftStore.forNotebook(place);
        this.unsaved = DraftStore.unsavedOf(place);
        // Only a run is consent (a notebook opened trusted, a draft or recovered text, is not the one from
        // elsewhere), and only to the text as it came: a run after edits consents to the edited text.
        session.onRunConsent(() -> {
            if (untrustedText != null && untrustedText.equals(editor.text())) {
                TrustedNotebooks.remember(untrustedPlace, untrustedText);
            }
            untrustedText = null;
        });
        session.onOpened(() -> untrustedText = null);
        this.status = document.getElementById("save-status");
        this.recover = document.getElementById("recover-unsaved");
        editor.onChange(edit -> {
            if (!edited) {
                edited = true;
                showStatus("edited", "Unsaved changes", "Changed since the last save: Ctrl+S keeps a draft in this browser");
            }
            // New edits take the place of the old unsaved text: they are what is kept when the page goes.
            hideRecover();
        });
        recover.addEventListener("click", event -> recoverUnsaved());
        onPageLeft(this::keepUnsaved);
    }

    /** Keeps the editor's text as this notebook's draft (Mod+S, the Save button). */
    void save() {
        double now = DraftStore.now();
        Optional<String> failure = drafts.save(editor.text(), now);
        if (failure.isPresent()) {
            showStatus("error", "Not saved", "Could not save in this browser: " + failure.get());
            console.note("Could not save a draft in this browser: " + failure.get()
                    + ". Download .iomd keeps your text as a file.");
            return;
        }
        edited = false;
        unsaved.remove();
        hideRecover();
        showStatus("saved", "Saved " + time(now), "Saved in this browser at " + dateTime(now)
                + "; Download .iomd keeps a file");
    }

    /**
     * Opens the notebook file the user picked ({@code #open-notebook}), as a dropped one; when it
     * could not be read, says why and keeps the text shown.
     */
    void openPicked(String fileName, String text, String error) {
        if (error != null) {
            console.note("Could not open " + fileName + ": " + error + ". The text shown is unchanged.");
            return;
        }
        openDropped(fileName, text);
    }

    /**
     * Opens a notebook file dropped onto the page in place of the text shown, as a link would.
     * The text it replaces is kept in this browser (the unsaved-changes store of this notebook,
     * {@link DraftStore#unsavedOf}) and the toolbar's Recover button brings it back.
     */
    void openDropped(String fileName, String text) {
        String previous = editor.text();
        String dropped = withoutByteOrderMark(text);
        Optional<String> failure = previous.equals(dropped) ? Optional.empty()
                : unsaved.save(previous, DraftStore.now());
        if (failure.isPresent()) {
            console.note("Did not open " + fileName + ": the text shown could not be kept in this browser ("
                    + failure.get() + "). Download .iomd keeps it as a file; then drop again.");
            return;
        }
        edited = false;
        showFromElsewhere("file:" + fileName, dropped);
        if (previous.equals(dropped)) {
            console.note("Opened " + fileName + " (the same text as shown).");
        } else {
            console.note("Opened " + fileName + ". The text it replaced is kept in this browser:"
                    + " the Recover button brings it back.");
            offerUnsaved();
        }
        editor.focus();
    }

    /** When the page goes away with unsaved changes, keeps them aside to offer on the next visit. */
    private void keepUnsaved() {
        if (edited) {
            // Best effort: the page is going and can tell no one; a failure leaves the previous text aside.
            unsaved.save(editor.text(), DraftStore.now());
        }
    }

    /** The notebook's file name, as Download .iomd names the file: the last segment of its URL, else notebook.iomd. */
    String fileName() {
        return fileName(notebookUrl);
    }

    /** Downloads the editor's exact text as an .iomd file named after the notebook. */
    void download() {
        Downloads.offerText(fileName(notebookUrl), (byteOrderMark ? BYTE_ORDER_MARK : "") + editor.text());
    }

    /**
     * Opens what the page asks for: the notebook carried by its {@code #iomd=} link, the one named
     * by {@code ?notebook=}, or the page's own text, unless a draft of it is saved in this browser
     * and differs; then the draft is shown. {@code opened} runs once the text is in the editor (a
     * notebook URL loads asynchronously, a link decompresses asynchronously); when the notebook
     * cannot be read (the URL fails, the link is damaged), {@code failed} hears why instead, and
     * the editor keeps the text it had (or the saved draft of that notebook).
     * spec: the notebook from a URL or a link is {@link Trust#UNTRUSTED}; the page's own text and
     * drafts were written here and are {@link Trust#TRUSTED}.
     */
    void openRequestedNotebook(Runnable opened, Consumer<String> failed) {
        Optional<DraftStore.Draft> draft = drafts.load();
        if (linkData != null) {
            NotebookLink.read(linkData, (text, error) -> showArrived(text, error, "the notebook in the link", draft,
                    opened, failed));
            return;
        }
        if (notebookUrl == null) {
            String pageText = editor.text();
            draft.filter(saved -> !saved.text().equals(pageText)).ifPresent(saved -> restore(saved, pageText));
            offerUnsaved();
            opened.run();
            return;
        }
        NotebookLocation.load(notebookUrl, (loaded, error) -> showArrived(loaded, error, "the notebook " + notebookUrl,
                draft, opened, failed));
    }

    /**
     * A notebook from elsewhere (a URL, a link) arrived as {@code loaded}, or could not be read
     * ({@code error}): shows it untrusted, or the user's draft of it when that differs; on a
     * failure the editor keeps its text (or shows the draft) and {@code failed} hears why.
     */
    private void showArrived(String loaded, String error, String what, Optional<DraftStore.Draft> draft, Runnable opened,
                        Consumer<String> failed) {
        String text = withoutByteOrderMark(loaded);
        if (error != null) {
            console.note("Could not open " + what + ": " + error);
            draft.ifPresent(saved -> {
                show(saved.text(), Trust.TRUSTED);
                console.note("Showing your draft of it, saved in this browser " + dateTime(saved.savedAt()) + ".");
                showStatus("saved", "Draft restored", "Your draft, saved in this browser at " + dateTime(saved.savedAt()));
            });
            offerUnsaved();
            failed.accept("Could not open " + what + ": " + error);
            return;
        } else if (draft.isPresent() && !draft.get().text().equals(text)) {
            restore(draft.get(), text);
        } else {
            showFromElsewhere(place, text);
        }
        offerUnsaved();
        opened.run();
    }

    /**
     * Shows {@code text} in the editor. Changes made meanwhile (typed while the notebook was
     * loading, or after a draft was restored) are kept aside first and offered back.
     */
    private void show(String text, Trust trust) {
        if (edited) {
            unsaved.save(editor.text(), DraftStore.now());
            edited = false;
        }
        session.open(text, notebookUrl, trust);
    }

    /**
     * Shows a notebook from elsewhere ({@code place}: a URL, a link, a file): untrusted, unless the
     * user has run this very text from there before ({@link TrustedNotebooks}).
     */
    private void showFromElsewhere(String place, String text) {
        if (TrustedNotebooks.trusts(place, text)) {
            show(text, Trust.TRUSTED);
            console.note("You have run this notebook, as it is, in this browser before: it is trusted, so its CSS"
                    + " applies and the report view runs it.");
            return;
        }
        show(text, Trust.UNTRUSTED);
        untrustedPlace = place;
        untrustedText = text;
    }

    /** {@code text} without its byte order mark, remembering whether it had one (null stays null). */
    private String withoutByteOrderMark(String text) {
        byteOrderMark = text != null && text.startsWith(BYTE_ORDER_MARK);
        return byteOrderMark ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    /** Shows the Recover button when changes were left unsaved last time and differ from what is shown. */
    private void offerUnsaved() {
        Optional<DraftStore.Draft> left = unsaved.load().filter(text -> !text.text().equals(editor.text()));
        if (left.isEmpty() || edited) {
            return;
        }
        recoverable = left.get();
        recover.setAttribute("title", "Bring back the changes you had not saved, from "
                + dateTime(recoverable.savedAt()) + " (they replace the text shown)");
        recover.removeAttribute("hidden");
    }

    private void recoverUnsaved() {
        if (recoverable == null) {
            return;
        }
        session.open(recoverable.text(), notebookUrl, Trust.TRUSTED);
        unsaved.remove();
        hideRecover();
        edited = true;
        showStatus("edited", "Unsaved changes", "Recovered changes you had not saved: Ctrl+S keeps a draft in this browser");
        editor.focus();
    }

    private void hideRecover() {
        recoverable = null;
        recover.setAttribute("hidden", "");
    }

    /** Shows {@code draft} in place of {@code original}, with a note whose button brings the original back. */
    private void restore(DraftStore.Draft draft, String original) {
        show(draft.text(), Trust.TRUSTED);
        showStatus("saved", "Draft restored", "Your draft, saved in this browser at " + dateTime(draft.savedAt()));
        String name = notebookUrl != null ? fileName(notebookUrl) : linkData != null ? "the linked notebook" : "this notebook";
        console.note("Restored your draft of " + name + ", saved in this browser " + dateTime(draft.savedAt()) + ".");
        HTMLElement note = (HTMLElement) document.getElementById("console").getLastChild();
        HTMLElement discard = document.createElement("button");
        discard.setAttribute("type", "button");
        discard.setAttribute("id", "discard-draft");
        discard.setAttribute("title", "Forget the draft and show " + name + " as it was loaded");
        discard.setTextContent("Discard draft");
        discard.addEventListener("click", event -> {
            drafts.remove();
            boolean editedSinceRestored = edited;
            if (place == null) {
                show(original, Trust.TRUSTED);
            } else {
                showFromElsewhere(place, original);
            }
            showStatus("", "", "");
            note.removeChild(discard);
            console.note("Draft discarded: " + name + " is shown as it was loaded.");
            if (editedSinceRestored) {
                offerUnsaved();
            }
            editor.focus();
        });
        note.appendChild(discard);
    }

    private void showStatus(String state, String text, String title) {
        if (status == null) {
            return;
        }
        status.setAttribute("data-state", state);
        status.setTextContent(text);
        status.setAttribute("title", title);
    }

    /** The last segment of the notebook URL's path ({@code city-report.iomd}), else {@value #DEFAULT_FILE_NAME}. */
    static String fileName(String notebookUrl) {
        String name = notebookUrl == null ? null : lastPathSegment(notebookUrl);
        return name == null || name.isBlank() ? DEFAULT_FILE_NAME : name;
    }

    /** Calls {@code action} when the page is hidden or unloaded (a tab closed, a reload, a switch to another app). */
    @JSBody(params = "action", script = "window.jodidePageSupport.onPageLeft(action);")
    private static native void onPageLeft(PageLeft action);

    @JSFunctor
    interface PageLeft extends JSObject {
        void left();
    }

    @JSBody(params = "url", script = "return window.jodidePageSupport.lastPathSegment(url);")
    private static native String lastPathSegment(String url);

    /** @param epochMillis milliseconds since the Unix epoch */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});")
    private static native String time(double epochMillis);

    /** @param epochMillis milliseconds since the Unix epoch */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleString();")
    private static native String dateTime(double epochMillis);
}
