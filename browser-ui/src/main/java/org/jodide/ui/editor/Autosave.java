package org.jodide.ui.editor;

import org.jodide.core.Trust;
import org.jodide.core.kernel.AfterQuiet;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.dom.PageTimer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps the notebook being edited in this browser ({@link LocalNotebooks}) within a second of the
 * last keystroke: a store {@value #QUIET_MS} ms after typing pauses, and at least every
 * {@value #LATEST_MS} ms while it goes on. The toolbar's {@code #save-status} says where the text
 * stands ({@code data-state}: {@code editing}, {@code kept}, {@code saved}, {@code error},
 * {@code elsewhere}).
 *
 * <p>One tab edits a notebook at a time (a Web Lock per notebook,
 * static/src/main/js/page/notebook-lock.js): a later tab on the same notebook keeps nothing and
 * says so in {@code #tab-conflict}, whose button takes the notebook over (and tells the other
 * tab, which then keeps nothing). Leaving the page while typed text is kept nowhere (not yet
 * stored, storage failed, or another tab holds the notebook) asks the browser to confirm.
 *
 * <p>The outputs of the runs are kept too, {@value #OUTPUTS_QUIET_MS} ms after runs stop ending, as
 * Download .ipynb writes them (the record's {@code jupyterSource}), for a notebook already kept:
 * reopened, it shows them again under the chunks still as they were ({@link NotebookSaver}).
 */
final class Autosave {
    static final int QUIET_MS = 300;
    static final int LATEST_MS = 1000;
    static final int OUTPUTS_QUIET_MS = 1000;

    /** Whether this tab may keep the notebook: the answer of its Web Lock. */
    private enum Lock {
        /** Asked, not yet answered: edits wait. */
        ASKED,
        HELD,
        /** Another tab holds it: edits here are kept nowhere. */
        ELSEWHERE
    }

    private final SourceEditor editor;
    private final NotebookSession session;
    private final HTMLElement status;
    private final HTMLElement conflict;
    private final HTMLElement conflictText;
    private final BooleanSupplier byteOrderMark;
    private final Supplier<String> name;
    /** The notebook being edited: its id and where it came from; null before one is open. */
    private String id;
    private String place;
    private Lock lock = Lock.ASKED;
    /** Typed text not yet kept: waiting for the timer, for the lock, or for a notebook to be tracked. */
    private boolean pending;
    private boolean lastStoreFailed;
    /** Whether the notebook is kept under {@link #id} (so that a change of trust is kept too). */
    private boolean stored;
    private int timer = -1;
    /** Stores the outputs {@value #OUTPUTS_QUIET_MS} ms after the last change (a Run All changes them thousands of times). */
    private final AfterQuiet outputsQuiet = new AfterQuiet(PageTimer.INSTANCE, OUTPUTS_QUIET_MS, this::storeOutputs);
    /** The notebook with the outputs of its latest runs, as Download .ipynb writes it. */
    private final Supplier<String> outputs;
    private double firstPendingAt;

    /**
     * @param name          the notebook's file name (kept with the text)
     * @param byteOrderMark whether the notebook's file started with one (kept with the text)
     */
    Autosave(HTMLDocument document, SourceEditor editor, NotebookSession session, Supplier<String> name,
             BooleanSupplier byteOrderMark, Supplier<String> outputs) {
        this.name = name;
        this.outputs = outputs;
        this.editor = editor;
        this.session = session;
        this.byteOrderMark = byteOrderMark;
        this.status = document.getElementById("save-status");
        this.conflict = document.getElementById("tab-conflict");
        this.conflictText = document.getElementById("tab-conflict-text");
        document.getElementById("tab-conflict-take").addEventListener("click", event -> takeOver());
        editor.onChange(edit -> edited());
        // A run that makes the notebook trusted is kept with it, so that reopening it runs it.
        session.onTrustChange(trust -> {
            if (stored) {
                storeNow();
            }
        });
        session.onOutputsChanged(this::outputsChanged);
        warnBeforeLeaving(this::keptNowhere);
    }

    /**
     * Edits are from now on kept as notebook {@code id}, from {@code place}. {@code alreadyStored}:
     * the notebook is kept under that id already (its text as shown). Text typed before (while the
     * notebook opened) is kept under it once this tab holds it.
     */
    void track(String newId, String newPlace, boolean alreadyStored) {
        boolean sameNotebook = newId.equals(id);
        if (id != null && !sameNotebook) {
            release(id);
        }
        id = newId;
        place = newPlace;
        stored = alreadyStored;
        if (sameNotebook) {
            return;
        }
        lock = Lock.ASKED;
        hold(newId, held -> {
            if (!newId.equals(id)) {
                return;
            }
            lock = held ? Lock.HELD : Lock.ELSEWHERE;
            if (held) {
                if (pending) {
                    schedule();
                }
            } else {
                showConflict("This notebook is open in another tab: what you change here is not kept in this"
                        + " browser.", "Edit here instead");
            }
        });
    }

    /** The id of the notebook kept, or null before one is shown. */
    String notebookId() {
        return id;
    }

    /** Keeps the text at once (another notebook is about to replace it); a no-op when nothing is pending. */
    void flush() {
        if (pending) {
            storeNow();
        }
    }

    /** Whether the text shown has changes not yet kept anywhere. */
    boolean keptNowhere() {
        return pending || lastStoreFailed;
    }

    /** Says in the toolbar that the notebook was saved to a file. */
    void showSaved(String text, String title) {
        showStatus("saved", text, title);
    }

    void showError(String text, String title) {
        showStatus("error", text, title);
    }

    private void edited() {
        if (!pending) {
            pending = true;
            firstPendingAt = now();
            if (lock != Lock.ELSEWHERE) {
                showStatus("editing", "Editing…", "Your changes are kept in this browser a moment after you stop typing");
            }
        }
        if (id != null && lock == Lock.HELD) {
            schedule();
        }
    }

    /** Stores {@value #QUIET_MS} ms from now, or sooner so that typing is kept every {@value #LATEST_MS} ms. */
    private void schedule() {
        if (timer >= 0) {
            Window.clearTimeout(timer);
        }
        int delay = (int) Math.max(0, Math.min(QUIET_MS, firstPendingAt + LATEST_MS - now()));
        timer = Window.setTimeout(this::storeNow, delay);
    }

    private void storeNow() {
        if (timer >= 0) {
            Window.clearTimeout(timer);
            timer = -1;
        }
        if (lock != Lock.HELD || id == null) {
            return;
        }
        String text = editor.text();
        String storing = id;
        pending = false;
        LocalNotebooks.store(storing, name.get(), place, text, byteOrderMark.getAsBoolean(), session.trust() == Trust.TRUSTED,
                (record, error) -> {
                    if (!storing.equals(id)) {
                        return;
                    }
                    if (error != null) {
                        lastStoreFailed = true;
                        showStatus("error", "Not kept", "Could not keep your changes in this browser: " + error
                                + ". Save (Ctrl+S) or Download .iomd keeps them as a file");
                        return;
                    }
                    lastStoreFailed = false;
                    stored = true;
                    // A save to a file said more meanwhile; an edit since then says "editing" until kept.
                    if (!pending && "editing".equals(status.getAttribute("data-state"))) {
                        showStatus("kept", "Kept in this browser", "Your changes are kept in this browser (last at "
                                + LocalTimes.time(record.getModified()) + "); the Notebooks list has them. Save (Ctrl+S) writes a file");
                    }
                });
    }

    private void outputsChanged() {
        outputsQuiet.call();
    }

    /** Keeps the outputs with the notebook, if it is kept here (a notebook never kept is not created for them). */
    private void storeOutputs() {
        if (lock != Lock.HELD || id == null || !stored) {
            return;
        }
        String storing = id;
        LocalNotebooks.storeJupyterSource(storing, outputs.get(), (record, error) -> {
            if (error != null && storing.equals(id)) {
                showStatus("error", "Outputs not kept", "Could not keep the outputs of the runs in this browser: " + error
                        + ". Download .ipynb keeps them as a file");
            }
        });
    }

    private void takeOver() {
        take(id, held -> {
            lock = Lock.HELD;
            conflict.setAttribute("hidden", "");
            showStatus("editing", "Editing…", "Keeping this tab's text in this browser");
            storeNow();
        });
    }

    private void lost() {
        lock = Lock.ELSEWHERE;
        if (timer >= 0) {
            Window.clearTimeout(timer);
            timer = -1;
        }
        showConflict("This notebook is now edited in another tab: what you change here is no longer kept in this"
                + " browser.", "Edit here again");
    }

    private void showConflict(String text, String action) {
        conflictText.setTextContent(text);
        HTMLElement take = (HTMLElement) conflict.querySelector("#tab-conflict-take");
        take.setTextContent(action);
        take.setAttribute("title", "Keep this tab's text as the notebook (the other tab stops keeping its changes)");
        conflict.removeAttribute("hidden");
        showStatus("elsewhere", "Open in another tab", text);
    }

    private void showStatus(String state, String text, String title) {
        status.setAttribute("data-state", state);
        status.setTextContent(text);
        status.setAttribute("title", title);
    }

    private void hold(String notebook, Held held) {
        hold(notebook, held, this::lost);
    }

    private void take(String notebook, Held held) {
        take(notebook, held, this::lost);
    }

    @JSFunctor
    interface Held extends JSObject {
        void held(boolean held);
    }

    @JSFunctor
    interface Lost extends JSObject {
        void lost();
    }

    @JSFunctor
    interface Question extends JSObject {
        boolean ask();
    }

    @JSBody(params = {"id", "held", "lost"}, script = "window.jodidePageSupport.holdNotebook(id, held, lost);")
    private static native void hold(String id, Held held, Lost lost);

    @JSBody(params = {"id", "held", "lost"}, script = "window.jodidePageSupport.takeNotebook(id, held, lost);")
    private static native void take(String id, Held held, Lost lost);

    @JSBody(params = "id", script = "window.jodidePageSupport.releaseNotebook(id);")
    private static native void release(String id);

    @JSBody(params = "shouldWarn", script = "window.jodidePageSupport.warnBeforeLeaving(shouldWarn);")
    private static native void warnBeforeLeaving(Question shouldWarn);

    @JSBody(script = "return performance.now();")
    private static native double now();
}
