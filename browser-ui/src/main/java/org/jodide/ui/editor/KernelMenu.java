package org.jodide.ui.editor;

import org.jodide.core.kernel.RoutedKernel;
import org.jodide.core.kernel.SynchronousPyodideUse;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.NotebookPython;
import org.jodide.ui.dom.BrowserStorage;
import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.dom.WindowMessages;
import org.jodide.ui.jupyter.JupyterClient;
import org.jodide.ui.jupyter.JupyterKernel;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Kernel menu ({@code #kernel-menu}, {@code #kernel-dialog}): where the notebook's Python runs,
 * in the browser (Pyodide, the default) or on a Jupyter server (its URL and token). The choice is the
 * user's, per notebook, kept in this browser's storage under {@code jodide.kernel.<notebook id>}; it
 * is never written into the notebook, a link, an export, or anything the eval frame can read. The
 * dialog's status ({@code #kernel-dialog-status}, {@code data-state} {@code connecting},
 * {@code connected} or {@code error}) says what happened; the console notes each change.
 */
final class KernelMenu {
    private static final String STORAGE_PREFIX = "jodide.kernel.";
    /** The page's {@code python} setting (forwarded to the report frame) that runs MicroPython instead of Pyodide. */
    private static final String MICROPYTHON = "micropython";
    /** The page's {@code python} setting that runs Pyodide on the report's own thread instead of in a worker. */
    private static final String MAIN_THREAD = "main";

    private final RoutedKernel kernel;
    private final Supplier<String> notebookId;
    private final BooleanSupplier trusted;
    /** The open notebook: its preamble may ask for a Python ({@link Notebook#python()}). */
    private final Supplier<Notebook> notebook;
    private final ConsoleView console;
    private final KernelStatusView status;
    /** Restarts the notebook's kernel (a new report frame, which reads the page's {@code python} setting). */
    private final Runnable restartKernel;
    private final HTMLElement dialogElement;
    private final DialogElement dialog;
    private final HTMLInputElement url;
    private final HTMLInputElement token;
    private final HTMLElement dialogStatus;
    private final HTMLElement place;
    private JupyterKernel remote;
    private final List<Consumer<JupyterKernel>> remoteListeners = new ArrayList<>();
    /** Counts connection attempts: an answer to an older attempt than the last is dropped. */
    private int attempts;
    private String appliedFor;
    /**
     * The tab's session storage key set while {@code python=main} in the page's address is this menu's
     * own doing for a notebook that needs it ({@link #pyodideSetting}), not the user's: a reload of
     * the tab then still takes it for the notebook's, not for the page's.
     */
    private static final String MAIN_THREAD_FOR_NOTEBOOK = "jodide.python.mainForNotebook";
    /** Whether the page was opened with {@code python=main} by the user: Pyodide then stays on the report's thread. */
    private final boolean openedOnMainThread = MAIN_THREAD.equals(pageParameter("python"))
            && readSession(MAIN_THREAD_FOR_NOTEBOOK) == null;

    /**
     * @param notebookId the open notebook's id in this browser (null before one is shown)
     * @param trusted    whether the open notebook was written here (a notebook from a link or
     *                   another site never connects by itself: its reader chooses)
     */
    KernelMenu(HTMLDocument document, RoutedKernel kernel, Supplier<String> notebookId, BooleanSupplier trusted,
               Supplier<Notebook> notebook, ConsoleView console, KernelStatusView status, Runnable restartKernel) {
        this.kernel = kernel;
        this.notebook = notebook;
        this.restartKernel = restartKernel;
        this.notebookId = notebookId;
        this.trusted = trusted;
        this.console = console;
        this.status = status;
        this.dialogElement = document.getElementById("kernel-dialog");
        this.dialog = (DialogElement) dialogElement;
        this.url = (HTMLInputElement) document.getElementById("jupyter-url");
        this.token = (HTMLInputElement) document.getElementById("jupyter-token");
        this.dialogStatus = document.getElementById("kernel-dialog-status");
        this.place = document.getElementById("kernel-place");
        document.getElementById("kernel-menu").addEventListener("click", event -> dialog.showModal());
        document.getElementById("kernel-close").addEventListener("click", event -> dialog.close());
        document.getElementById("kernel-connect").addEventListener("click", event -> connect(url.getValue().trim(), token.getValue(), true));
        document.getElementById("kernel-use-browser").addEventListener("click", event -> useBrowser(null));
        document.getElementById("kernel-use-micropython").addEventListener("click", event -> useBrowser(MICROPYTHON));
        for (HTMLInputElement field : new HTMLInputElement[] {url, token}) {
            field.addEventListener("keydown", event -> {
                if ("Enter".equals(((KeyboardEvent) event).getKey())) {
                    event.preventDefault();
                    connect(url.getValue().trim(), token.getValue(), true);
                }
            });
        }
        dialogElement.addEventListener("click", event -> {
            if (WindowMessages.same(event.getTarget(), dialogElement)) {
                dialog.close();
            }
        });
        document.getElementById("kernel-origin").setTextContent(pageOrigin());
        showPlace();
    }

    @JSBody(script = "return location.origin;")
    private static native String pageOrigin();

    /**
     * Applies the choice kept for the open notebook: connects to its server, or uses the browser.
     * Called once the notebook at start is shown and whenever another one opens. A notebook that was
     * not written here (from a link or another site: untrusted) only gets the fields filled in.
     */
    void applyRemembered() {
        String id = notebookId.get();
        if (id == null) {
            return;
        }
        if (id.equals(appliedFor)) {
            if (remote == null) {
                useAskedPython();  // the same place, another text (a link, a file opened in its place)
            }
            return;
        }
        appliedFor = id;
        String kept = BrowserStorage.read(STORAGE_PREFIX + id);
        int newline = kept == null ? -1 : kept.indexOf('\n');
        if (newline < 0) {
            useAskedPython();
            return;
        }
        url.setValue(kept.substring(0, newline));
        token.setValue(kept.substring(newline + 1));
        if (!trusted.getAsBoolean()) {
            show("remembered", "This notebook ran its Python on " + withoutQuery(url.getValue())
                    + " before; it was not written here, so it does not connect by itself: Connect to run it there.");
            return;
        }
        connect(url.getValue(), token.getValue(), false);
    }

    /**
     * The browser's Python the notebook asks for in its preamble ({@code python: micropython}), or the
     * one in use when it asks for none; a Jupyter server in use is left for it.
     */
    private void useAskedPython() {
        Optional<NotebookPython> asked = notebook.get().python();
        String wanted = asked.map(python -> python == NotebookPython.MICROPYTHON ? MICROPYTHON : null)
                .orElse(usesMicroPython() ? MICROPYTHON : null);
        boolean changes = MICROPYTHON.equals(wanted) != usesMicroPython();
        String setting = wanted != null ? wanted : pyodideSetting();
        if (remote != null || !Objects.equals(setting, pageParameter("python"))) {
            useBrowser(wanted);
            if (changes) {
                console.note("This notebook asks for " + (MICROPYTHON.equals(wanted) ? "MicroPython" : "Pyodide")
                        + " (its first lines say python: " + asked.map(NotebookPython::keyword).orElse("") + ").");
            }
        }
    }

    @JSBody(script = "return !!self.crossOriginIsolated;")
    private static native boolean crossOriginIsolated();

    @JSBody(params = "key", script = "try { return sessionStorage.getItem(key); } catch (refused) { return null; }")
    private static native String readSession(String key);

    /** Sets {@code key} to {@code value} in the tab's session storage, or removes it for null; storage refused is no error. */
    @JSBody(params = {"key", "value"}, script = "try { if (value === null) sessionStorage.removeItem(key);"
            + " else sessionStorage.setItem(key, value); } catch (refused) { }")
    private static native void writeSession(String key, String value);

    private void connect(String address, String secret, boolean byUser) {
        if (address.isEmpty()) {
            show("error", "Type the server's URL, e.g. http://127.0.0.1:8888/ (it may carry ?token=…).");
            return;
        }
        if (kernel.isRunning()) {
            show("error", "Stop the running code first: Python cannot move while it runs.");
            return;
        }
        int attempt = ++attempts;
        show("connecting", "Connecting to " + withoutQuery(address) + "…");
        JupyterClient.connect(address, secret, connected -> {
            if (attempt != attempts) {
                connected.close("A newer connection replaced this one.");
                return;
            }
            JupyterKernel before = remote;
            remote = connected;
            kernel.usePython(connected);
            connected.onOutputOutsideRuns((stream, text) -> console.outsideRun("Python on the Jupyter server", stream, text));
            if (before != null) {
                before.close("Python moved to another server; this run was stopped.");
            }
            remember(address, secret);
            show("connected", "Python runs on the Jupyter server at " + connected.serverUrl() + ".");
            console.note("Python now runs on the Jupyter server at " + connected.serverUrl()
                    + " (a fresh kernel: run the chunks it needs). Markdown, CSS and JavaScript stay in the browser.");
            showPlace();
            if (byUser) {
                dialog.close();
            }
        }, message -> {
            if (attempt != attempts) {
                return;
            }
            show("error", message);
            console.note("Could not connect to the Jupyter server: " + message + " Python still runs "
                    + (remote == null ? "in the browser." : "on " + remote.serverUrl() + "."));
            if (!byUser) {
                dialog.showModal();
            }
        });
    }

    /**
     * Runs Python in this browser: Pyodide ({@code python} null) or MicroPython. Moving off a
     * Jupyter server closes its kernel; changing the browser's Python restarts the report frame (its
     * setting is the page's {@code python} parameter, which the frame reads).
     */
    private void useBrowser(String python) {
        if (kernel.isRunning()) {
            show("error", "Stop the running code first: Python cannot move while it runs.");
            return;
        }
        attempts++;
        forget();
        boolean wasRemote = remote != null;
        if (wasRemote) {
            JupyterKernel before = remote;
            remote = null;
            kernel.usePython(null);
            before.close("Python moved back to the browser; this run was stopped.");
        }
        String setting = python != null ? python : pyodideSetting();
        boolean changesPython = MICROPYTHON.equals(setting) != usesMicroPython();
        boolean changes = !Objects.equals(setting, pageParameter("python"));
        if (changes) {
            setPageParameter("python", setting);
            writeSession(MAIN_THREAD_FOR_NOTEBOOK, MAIN_THREAD.equals(setting) && !openedOnMainThread ? "1" : null);
            restartKernel.run();
        }
        String name = usesMicroPython() ? "MicroPython" : "Python (Pyodide)";
        show("connected", name + " runs in this browser.");
        if (wasRemote || changesPython) {
            console.note(name + " runs in this browser now" + (usesMicroPython()
                    ? ": it starts at once, with a small standard library and no packages such as numpy."
                    : ".") + " Its variables are new: run the chunks it needs.");
        } else if (changes) {
            console.note(synchronousUse().map(use -> "This notebook's js chunks call Python synchronously, as Iodide's did"
                    + " (line " + use.line() + ": " + use.call() + "), which Python in a worker cannot answer: Python runs on"
                    + " the report's own thread for it (as with ?python=main), where Stop restarts the kernel instead of"
                    + " interrupting it.")
                    .orElse("Python runs in a worker again, where Stop interrupts it and keeps its variables."));
        }
        showPlace();
    }

    /**
     * Where Pyodide runs for the open notebook: on the report's own thread ({@code main}) when the
     * page was opened so, or when the notebook's js chunks reach Python synchronously (Iodide's
     * notebooks: {@link SynchronousPyodideUse}), which Python in a worker cannot answer; else in a
     * worker (null), where Stop keeps the variables. A page that is not cross-origin isolated has
     * no worker either way and is left so.
     */
    private String pyodideSetting() {
        return openedOnMainThread || synchronousUse().isPresent() ? MAIN_THREAD : null;
    }

    /** The open notebook's first synchronous use of the pyodide global, where it decides where Python runs. */
    private Optional<SynchronousPyodideUse.Use> synchronousUse() {
        return crossOriginIsolated() ? SynchronousPyodideUse.firstIn(notebook.get()) : Optional.empty();
    }

    /** Whether the page's {@code python} setting asks for MicroPython. */
    private static boolean usesMicroPython() {
        return MICROPYTHON.equals(pageParameter("python"));
    }

    @JSBody(params = "name", script = "return new URLSearchParams(location.search).get(name);")
    private static native String pageParameter(String name);

    @JSBody(params = {"name", "value"}, script = "window.jodidePageSupport.setUrlParameter(name, value);")
    private static native void setPageParameter(String name, String value);

    private void remember(String address, String secret) {
        String id = notebookId.get();
        if (id != null) {
            BrowserStorage.write(STORAGE_PREFIX + id, address + "\n" + secret);
            appliedFor = id;
        }
    }

    private void forget() {
        String id = notebookId.get();
        if (id != null) {
            BrowserStorage.remove(STORAGE_PREFIX + id);
        }
    }

    /** {@code listener} hears the Jupyter kernel the notebook's Python runs on from now on, or null for the browser's. */
    void onRemoteChanged(Consumer<JupyterKernel> listener) {
        remoteListeners.add(listener);
        listener.accept(remote);
    }

    private void showPlace() {
        remoteListeners.forEach(listener -> listener.accept(remote));
        if (remote != null) {
            place.setTextContent("Python on the Jupyter server at " + remote.serverUrl());
            status.setPython("Python on " + hostOf(remote.serverUrl()));
        } else if (usesMicroPython()) {
            place.setTextContent("MicroPython in this browser");
            status.setPython("MicroPython");
        } else {
            place.setTextContent(MAIN_THREAD.equals(pageParameter("python"))
                    ? "Python in this browser (Pyodide, on the report's own thread)" : "Python in this browser (Pyodide)");
            status.setPython("Python");
        }
    }

    private void show(String state, String text) {
        dialogStatus.setAttribute("data-state", state);
        dialogStatus.setTextContent(text);
    }

    /** The address without its query, which may hold the token. */
    private static String withoutQuery(String address) {
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query);
    }

    /** {@code 127.0.0.1:8888} of {@code http://127.0.0.1:8888/user/x/}. */
    private static String hostOf(String serverUrl) {
        String rest = serverUrl.replaceFirst("^[a-z]+://", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
