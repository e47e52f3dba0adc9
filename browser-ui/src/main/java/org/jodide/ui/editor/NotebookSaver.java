package org.jodide.ui.editor;

import org.jodide.core.Trust;
import org.jodide.core.jupyter.SavedOutputs;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.iomd.ipynb.IpynbException;
import org.jodide.iomd.ipynb.IpynbImport;
import org.jodide.ui.dom.Downloads;
import org.jodide.ui.dom.LocalTimes;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the notebook shown comes from and where it goes: opening what the page asks for
 * ({@code ?local=}, a {@code #iomd=} link, {@code ?notebook=}, or the page's own text), a file
 * opened or dropped, Save (Mod+S: the exact bytes to a file, {@link NotebookFileSave}) and
 * Download .iomd. Every edit is kept in this browser by {@link Autosave}, under the notebook's
 * id: the place it came from ({@link LocalNotebooks#UNTITLED} for the page's own), or a made-up
 * one for a file and a new notebook.
 *
 * <p>The user's text is never dropped silently: when a notebook is opened again and changes to
 * it are kept in this browser, the changes are shown (with a console note and a "Discard changes"
 * button); a notebook that fails to load leaves the editor's text (or the kept changes) in place;
 * text typed while a notebook loads is kept as a notebook of its own; a failed save says so.
 */
final class NotebookSaver {
    static final String DEFAULT_FILE_NAME = "notebook.iomd";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final HTMLDocument document;
    private final SourceEditor editor;
    private final NotebookSession session;
    private final ConsoleView console;
    private final Autosave autosave;
    private final String notebookUrl;
    /** The notebook data of the page's {@code #iomd=} link ({@link NotebookLink}), or null. */
    private final String linkData;
    /** Where the open notebook came from, for {@link TrustedNotebooks}: its URL, its link's name, a file's, or null (written here). */
    private String place;
    /** The untrusted notebook shown, as opened, and where from: remembered as trusted when the user runs it; null when none. */
    private String untrustedText;
    private String untrustedPlace;
    /** The text last put in the editor by this class: text differing from it was typed. */
    private String shownText;
    /** The file name Save suggests and Download uses. */
    private String name;
    /** The file Save writes to in place (a FileSystemFileHandle), or null. */
    private JSObject fileHandle;
    /**
     * Whether the opened file started with a byte order mark. The editor shows the text without
     * it (the parser, like browsers, reads a notebook from its first character), and Save and
     * Download put it back, so the file comes back with the bytes it was opened with.
     */
    private boolean byteOrderMark;

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
        // A linked notebook is kept apart from the page's own one.
        this.place = linkData != null ? NotebookLink.draftName(linkData) : this.notebookUrl;
        this.name = fileName(this.notebookUrl);
        this.shownText = editor.text();
        this.autosave = new Autosave(document, editor, session, () -> name, () -> byteOrderMark,
                () -> NotebookFormats.ipynb(session.notebook(), session.keptOutputs()));
        // Only a run is consent (a notebook opened trusted, kept changes, is not the one from
        // elsewhere), and only to the text as it came: a run after edits consents to the edited text.
        session.onRunConsent(() -> {
            if (untrustedText != null && untrustedText.equals(editor.text())) {
                TrustedNotebooks.remember(untrustedPlace, untrustedText);
            }
            untrustedText = null;
        });
        session.onOpened(() -> untrustedText = null);
        onPageLeft(autosave::flush);
    }

    /** The id under which the notebook shown is kept in this browser; null before it is open. */
    String notebookId() {
        return autosave.notebookId();
    }

    /** The notebook {@code id} was renamed in the Notebooks list: Save and Download use its new name. */
    void renamed(String id, String newName) {
        if (id.equals(autosave.notebookId())) {
            name = newName;
        }
    }

    /**
     * Save (Mod+S, the Save button): the exact text, with its byte order mark if the file had
     * one, to the notebook's file in place, or where the user picks, or as a download.
     */
    void save() {
        // The browser's copy first: the file dialog may take long, the page may be closed after.
        autosave.flush();
        String text = editor.text();
        String content = (byteOrderMark ? BYTE_ORDER_MARK : "") + text;
        NotebookFileSave.save(fileHandle, name, content, (handle, how, error) -> {
            if (error != null) {
                autosave.showError("Not saved", "Not saved: " + error);
                console.note("Could not save " + name + ": " + error + ". Your text is kept in this browser;"
                        + " Download .iomd gives it as a file.");
                return;
            }
            switch (how) {
                case "cancelled":
                    return;
                case "downloaded":
                    autosave.showSaved("Downloaded", "Downloaded as " + name + " at " + LocalTimes.time(LocalTimes.now()));
                    return;
                case "picked":
                    fileHandle = handle;
                    name = LocalNotebooks.iomdName(handleName(handle));
                    // From now on Save writes to this file: keep it with the notebook, for the next visit too.
                    LocalNotebooks.create(autosave.notebookId(), name, place, text, byteOrderMark,
                            session.trust() == Trust.TRUSTED, handle, (record, failure) -> { });
                    break;
                default:
                    break;
            }
            autosave.showSaved("Saved", "Saved to " + name + " at " + LocalTimes.time(LocalTimes.now()));
        });
    }

    /**
     * Opens the notebook file the user picked ({@code #open-notebook}), as a dropped one; when it
     * could not be read, says why and keeps the text shown. {@code handle}: the picked file, for
     * Save to write back to (File System Access API), or null.
     */
    void openPicked(String fileName, String text, String error, JSObject handle) {
        if (error != null) {
            console.note("Could not open " + fileName + ": " + error + ". The text shown is unchanged.");
            return;
        }
        openFile(fileName, text, handle);
    }

    /** Opens a notebook file dropped onto the page in place of the text shown. */
    void openDropped(String fileName, String text) {
        openFile(fileName, text, null);
    }

    /** Opens a notebook file read from the Jupyter server the notebook's Python runs on ({@code path}: from the server's root). */
    void openFromServer(String path, String text) {
        openFile(path.substring(path.lastIndexOf('/') + 1), text, null);
    }

    /**
     * Shows a notebook file, untrusted as any from elsewhere, and keeps it in this browser as a
     * notebook of its own (the page's address names it, so a reload reopens it). The notebook it
     * replaces has its changes kept already (they are stored at once).
     */
    private void openFile(String fileName, String text, JSObject handle) {
        NotebookFormats.Opened file;
        try {
            file = NotebookFormats.open(fileName, withoutByteOrderMark(text));
        } catch (NotebookFormats.Unreadable e) {
            console.note("Could not open " + fileName + ": " + e.getMessage() + ". The text shown is unchanged.");
            return;
        }
        autosave.flush();
        String opened = file.text();
        // Save never writes .iomd text over the .ipynb or .py it was converted from: it asks where to write.
        JSObject saveTo = file.converted() ? null : handle;
        byteOrderMark = byteOrderMark && !file.converted();
        String id = LocalNotebooks.newId("file");
        place = "file:" + fileName;
        name = file.name();
        fileHandle = saveTo;
        showFromElsewhere(place, opened);
        LocalNotebooks.create(id, name, place, opened, byteOrderMark, session.trust() == Trust.TRUSTED, saveTo,
                (record, error) -> {
                    if (error != null) {
                        console.note("Could not keep " + fileName + " in this browser: " + error + ".");
                    }
                });
        if (!file.outputs().isEmpty()) {
            String source = text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
            LocalNotebooks.storeJupyterSource(id, source, (record, error) -> {
                if (error != null) {
                    console.note("The outputs saved in " + fileName + " could not be kept in this browser: " + error + ".");
                }
            });
        }
        autosave.track(id, place, true);
        LocalNotebooks.showInAddressBar(id);
        String shownBefore = " The notebook shown before is in the Notebooks list if you changed it.";
        if (file.converted()) {
            console.note(file.notes().get(0) + shownBefore);
            file.notes().stream().skip(1).forEach(console::note);
            showSavedOutputs(file);
        } else {
            console.note("Opened " + fileName + (saveTo != null ? "; Save writes back to it." : ".") + shownBefore);
        }
        editor.focus();
    }

    /** Shows the outputs an opened Jupyter notebook was saved with, saying so in the console. */
    private void showSavedOutputs(NotebookFormats.Opened file) {
        showSavedOutputs(file.text(), file.outputs(), "The outputs saved in the .ipynb");
    }

    /**
     * Shows the outputs {@code saved} with the chunks of {@code savedWith} (an opened notebook's
     * .iomd text, by chunk index) under the chunks of the notebook shown that are still as they
     * were (the user may have edited it since), saying so in the console ({@code what}: which outputs).
     */
    private void showSavedOutputs(String savedWith, Map<Integer, CellOutput.Run> saved, String what) {
        if (saved.isEmpty()) {
            return;
        }
        int shown = session.showSaved(SavedOutputs.matching(saved, IomdParser.create().parse(savedWith), session.notebook()));
        if (shown > 0) {
            console.note(what + " show under " + shown + (shown == 1 ? " chunk" : " chunks")
                    + " and in the report until they run again.");
        }
    }

    /** The notebook's file name, as Save suggests and Download .iomd names the file. */
    String fileName() {
        return name;
    }

    /** Downloads the editor's exact text as an .iomd file named after the notebook. */
    void download() {
        Downloads.offerText(name, (byteOrderMark ? BYTE_ORDER_MARK : "") + editor.text());
    }

    /** Downloads the notebook as a Jupyter notebook (docs/ipynb.md) named after it, with the outputs of each chunk's latest run. */
    void downloadIpynb() {
        Downloads.offerText(NotebookFormats.ipynbName(name), NotebookFormats.ipynb(session.notebook(), session.keptOutputs()));
    }

    /** Downloads the notebook as a Python script in {@code # %%} cells (docs/percent.md) named after it. */
    void downloadScript() {
        Downloads.offerText(NotebookFormats.scriptName(name), NotebookFormats.percentScript(session.notebook()));
    }

    /**
     * Opens what the page asks for: a notebook kept in this browser ({@code ?local=}), the notebook
     * carried by its {@code #iomd=} link, the one named by {@code ?notebook=}, or the page's own
     * text; when changes to it are kept in this browser, those are shown. {@code opened} runs once
     * the text is in the editor; when the notebook cannot be read (the URL fails, the link is
     * damaged, the local notebook is gone), {@code failed} hears why instead, and the editor keeps
     * the text it had (or the kept changes of that notebook).
     * spec: the notebook from a URL, a link or a file is {@link Trust#UNTRUSTED}; the page's own
     * text is {@link Trust#TRUSTED}; a kept notebook is as trusted as it was when kept.
     */
    void openRequestedNotebook(Runnable opened, Consumer<String> failed) {
        String localId = LocalNotebooks.requestedId();
        if (localId != null) {
            openLocal(localId, opened, failed);
            return;
        }
        String id = place == null ? LocalNotebooks.UNTITLED : place;
        LocalNotebooks.load(id, (kept, storageError) -> {
            if (storageError != null) {
                console.note("Changes kept in this browser could not be read: " + storageError + ".");
            }
            if (linkData != null) {
                NotebookLink.read(linkData, (text, error) -> showArrived(id, text, error, "the notebook in the link",
                        kept, opened, failed));
            } else if (notebookUrl == null) {
                String pageText = editor.text();
                boolean differs = kept != null && !kept.getText().equals(pageText);
                if (differs && pageText.equals(shownText)) {
                    restore(id, kept, pageText);
                    showKeptSavedOutputs(kept);
                } else {
                    if (differs) {
                        keepAside(id);
                    } else if (kept != null) {
                        showKeptSavedOutputs(kept);
                    }
                    autosave.track(id, place, kept != null);
                }
                opened.run();
            } else {
                NotebookLocation.load(notebookUrl, (loaded, error) -> showArrived(id, loaded, error,
                        "the notebook " + notebookUrl, kept, opened, failed));
            }
        });
    }

    /** Opens the notebook kept in this browser as {@code id}. */
    private void openLocal(String id, Runnable opened, Consumer<String> failed) {
        LocalNotebooks.load(id, (kept, error) -> {
            if (kept == null) {
                String why = error != null ? "it could not be read: " + error
                        : "no notebook \"" + id + "\" is kept in this browser (deleted, or kept in another browser)";
                console.note("Could not open the notebook of this address: " + why + ". The Notebooks list has"
                        + " the ones kept here.");
                // The page's own text stays: edits to it are a new notebook, not the missing one.
                autosave.track(LocalNotebooks.newId("new"), null, false);
                failed.accept("Could not open the notebook: " + why);
                return;
            }
            place = kept.getPlace();
            name = kept.getName();
            fileHandle = kept.getFileHandle();
            byteOrderMark = kept.isByteOrderMark();
            showKept(kept);
            showKeptSavedOutputs(kept);
            autosave.track(id, place, true);
            opened.run();
        });
    }

    /**
     * Shows again the outputs kept with a notebook (Autosave keeps the outputs of its runs; a
     * notebook opened from a Jupyter notebook starts with the outputs that file was saved with).
     */
    private void showKeptSavedOutputs(LocalNotebooks.Record kept) {
        String source = LocalNotebooks.jupyterSourceOf(kept);
        if (source == null) {
            return;
        }
        try {
            IpynbImport.Imported imported = IpynbImport.read(source);
            showSavedOutputs(imported.iomd(), imported.outputs(), "The outputs kept with this notebook in this browser");
        } catch (IpynbException e) {
            console.note("The outputs kept with this notebook could not be read again: " + e.getMessage() + ".");
        }
    }

    /**
     * A notebook from elsewhere (a URL, a link) arrived as {@code loaded}, or could not be read
     * ({@code error}): shows it untrusted, or the changes to it kept in this browser; on a
     * failure the editor keeps its text (or shows the kept changes) and {@code failed} hears why.
     */
    private void showArrived(String id, String loaded, String error, String what, LocalNotebooks.Record kept,
                             Runnable opened, Consumer<String> failed) {
        NotebookFormats.Opened file = null;
        if (error == null) {
            try {
                file = NotebookFormats.open(fileName(notebookUrl), withoutByteOrderMark(loaded));
            } catch (NotebookFormats.Unreadable e) {
                error = e.getMessage();
            }
        }
        keepTypedWhileLoading();
        if (error != null) {
            console.note("Could not open " + what + ": " + error);
            if (kept != null) {
                showKept(kept);
                console.note("Showing your changes to it, kept in this browser " + LocalTimes.dateTime(kept.getModified()) + ".");
                autosave.track(id, place, true);
            } else {
                autosave.track(LocalNotebooks.newId("new"), null, false);
            }
            failed.accept("Could not open " + what + ": " + error);
            return;
        }
        if (file.converted()) {
            byteOrderMark = false;
            name = file.name();
            file.notes().forEach(console::note);
        }
        String text = file.text();
        if (kept != null && !kept.getText().equals(text)) {
            restore(id, kept, text);
        } else {
            showFromElsewhere(place, text);
            autosave.track(id, place, kept != null);
        }
        if (kept != null && LocalNotebooks.jupyterSourceOf(kept) != null) {
            showKeptSavedOutputs(kept);
        } else {
            showSavedOutputs(file);
        }
        opened.run();
    }

    /** Text typed into the page's own notebook while another loaded is kept as a notebook of its own. */
    private void keepTypedWhileLoading() {
        String typed = editor.text();
        if (typed.equals(shownText)) {
            return;
        }
        String id = LocalNotebooks.newId("new");
        LocalNotebooks.create(id, DEFAULT_FILE_NAME, null, typed, false, true, null, (record, error) -> console.note(
                error != null ? "What you typed while the notebook loaded could not be kept: " + error + "."
                        : "What you typed while the notebook loaded is kept in this browser: the Notebooks list has it."));
    }

    /**
     * The user typed before the changes kept as {@code id} were read: what they type goes on, and
     * the earlier changes are kept as a copy instead of being shown over it.
     */
    private void keepAside(String id) {
        LocalNotebooks.duplicate(id, (copy, error) -> console.note(error != null
                ? "Your earlier changes to this notebook could not be kept aside: " + error + "."
                : "You typed before your earlier changes came back: they are kept as " + copy.getName()
                + " in the Notebooks list."));
    }

    private void show(String text, Trust trust) {
        shownText = text;
        session.open(text, notebookUrl, trust);
    }

    private void showKept(LocalNotebooks.Record kept) {
        byteOrderMark = kept.isByteOrderMark();
        if (kept.isTrusted()) {
            show(kept.getText(), Trust.TRUSTED);
        } else {
            show(kept.getText(), Trust.UNTRUSTED);
            untrustedPlace = place;
            untrustedText = kept.getText();
        }
    }

    /**
     * Shows a notebook from elsewhere ({@code place}: a URL, a link, a file): untrusted, unless the
     * user has run this very text from there before ({@link TrustedNotebooks}).
     */
    private void showFromElsewhere(String from, String text) {
        if (from != null && TrustedNotebooks.trusts(from, text)) {
            show(text, Trust.TRUSTED);
            console.note("You have run this notebook, as it is, in this browser before: it is trusted, so its CSS"
                    + " applies and the report view runs it.");
            return;
        }
        if (from == null) {
            show(text, Trust.TRUSTED);
            return;
        }
        show(text, Trust.UNTRUSTED);
        untrustedPlace = from;
        untrustedText = text;
    }

    /** {@code text} without its byte order mark, remembering whether it had one (null stays null). */
    private String withoutByteOrderMark(String text) {
        byteOrderMark = text != null && text.startsWith(BYTE_ORDER_MARK);
        return byteOrderMark ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    /**
     * Shows the changes {@code kept} in this browser in place of {@code original}, with a note
     * whose button forgets them and brings the original back.
     */
    private void restore(String id, LocalNotebooks.Record kept, String original) {
        boolean originalByteOrderMark = byteOrderMark;
        showKept(kept);
        autosave.track(id, place, true);
        autosave.showSaved("Changes restored", "Your changes, kept in this browser at " + LocalTimes.dateTime(kept.getModified()));
        String what = notebookUrl != null ? fileName(notebookUrl) : linkData != null ? "the linked notebook" : "this notebook";
        console.note("Restored your changes to " + what + ", kept in this browser " + LocalTimes.dateTime(kept.getModified()) + ".");
        HTMLElement note = (HTMLElement) document.getElementById("console").getLastChild();
        HTMLElement discard = document.createElement("button");
        discard.setAttribute("type", "button");
        discard.setAttribute("id", "discard-changes");
        discard.setAttribute("title", "Forget your changes and show " + what + " as it was loaded");
        discard.setTextContent("Discard changes");
        discard.addEventListener("click", event -> LocalNotebooks.delete(id, error -> {
            if (error != null) {
                console.note("Could not forget your changes: " + error + ".");
                return;
            }
            byteOrderMark = originalByteOrderMark;
            showFromElsewhere(place, original);
            autosave.track(id, place, false);
            autosave.showSaved("", "");
            note.removeChild(discard);
            console.note("Changes discarded: " + what + " is shown as it was loaded.");
            editor.focus();
        }));
        note.appendChild(discard);
    }

    /** The last segment of the notebook URL's path ({@code city-report.iomd}), else {@value #DEFAULT_FILE_NAME}. */
    static String fileName(String notebookUrl) {
        String segment = notebookUrl == null ? null : lastPathSegment(notebookUrl);
        return segment == null || segment.isBlank() ? DEFAULT_FILE_NAME : segment;
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

    @JSBody(params = "handle", script = "return String(handle.name);")
    private static native String handleName(JSObject handle);
}
