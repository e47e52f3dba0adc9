package org.jodide.ui.editor;

import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.jupyter.JupyterKernel;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/**
 * The Kernel dialog's "Open from the server" ({@code #jupyter-open}), shown while the notebook's
 * Python runs on a Jupyter server: lists a folder of that server (again each time the dialog opens) (its folders and its .ipynb,
 * .iomd and .py notebooks, through its Contents API) and opens the notebook picked in place of the one
 * shown, as Open… opens a file ({@link NotebookSaver#openFromServer}). The status
 * ({@code #jupyter-open-status}, {@code data-state} {@code listing}, {@code listed}, {@code opening}
 * or {@code error}) says what happened.
 */
final class ServerNotebookOpen {
    /** Opens a notebook read from the server: its path there and its text. */
    interface Opener {
        void open(String serverPath, String text);
    }

    private final HTMLDocument document;
    private final HTMLElement section;
    private final HTMLElement folderName;
    private final HTMLElement up;
    private final HTMLElement list;
    private final HTMLElement status;
    private final DialogElement dialog;
    private final Opener opener;
    private JupyterKernel remote;
    /** The folder listed, from the server's root ("" for the root). */
    private String folder = "";
    /** Counts listings: the answer to an older one than the last is dropped. */
    private int listings;

    ServerNotebookOpen(HTMLDocument document, Opener opener) {
        this.document = document;
        this.opener = opener;
        this.section = document.getElementById("jupyter-open");
        this.folderName = document.getElementById("jupyter-open-folder");
        this.up = document.getElementById("jupyter-open-up");
        this.list = document.getElementById("jupyter-open-list");
        this.status = document.getElementById("jupyter-open-status");
        this.dialog = (DialogElement) document.getElementById("kernel-dialog");
        up.addEventListener("click", event -> list(parentOf(folder)));
        document.getElementById("jupyter-open-refresh").addEventListener("click", event -> list(folder));
        // Each time the dialog opens, the folder is listed again: files come and go on the server.
        document.getElementById("kernel-menu").addEventListener("click", event -> list(folder));
    }

    /** The notebook's Python now runs on {@code connected}, or in the browser (null): the section shows (its root listed) or hides. */
    void kernelChanged(JupyterKernel connected) {
        boolean changed = connected != remote;
        remote = connected;
        section.setHidden(connected == null);
        if (connected != null && changed) {
            folder = "";
            list(folder);
        }
    }

    private void list(String path) {
        JupyterKernel server = remote;
        if (server == null) {
            return;
        }
        int listing = ++listings;
        show("listing", "Listing " + shown(path) + "…");
        server.listFolder(path, entries -> {
            if (listing == listings) {
                showFolder(path, entries);
            }
        }, message -> {
            if (listing == listings) {
                show("error", message);
            }
        });
    }

    private void showFolder(String path, List<JupyterKernel.ServerEntry> entries) {
        folder = path;
        folderName.setTextContent(shown(path));
        up.setHidden(path.isEmpty());
        list.setInnerHTML("");
        for (JupyterKernel.ServerEntry entry : entries) {
            HTMLElement item = document.createElement("li");
            HTMLElement button = document.createElement("button");
            button.setAttribute("type", "button");
            button.setAttribute("data-path", entry.path());
            button.setClassName(entry.folder() ? "jupyter-folder" : "jupyter-notebook");
            button.setTextContent(entry.folder() ? entry.name() + "/" : entry.name());
            button.addEventListener("click", event -> {
                if (entry.folder()) {
                    list(entry.path());
                } else {
                    open(entry.path());
                }
            });
            item.appendChild(button);
            list.appendChild(item);
        }
        show("listed", entries.isEmpty() ? "No folders or notebooks (.ipynb, .iomd, .py) in " + shown(path) + "." : "");
    }

    private void open(String path) {
        JupyterKernel server = remote;
        if (server == null) {
            return;
        }
        show("opening", "Opening " + path + "…");
        server.readNotebook(path, text -> {
            show("listed", "");
            dialog.close();
            opener.open(path, text);
        }, message -> show("error", message));
    }

    private static String shown(String path) {
        return path.isEmpty() ? "the server's folder" : path + "/";
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void show(String state, String text) {
        status.setAttribute("data-state", state);
        status.setTextContent(text);
    }
}
