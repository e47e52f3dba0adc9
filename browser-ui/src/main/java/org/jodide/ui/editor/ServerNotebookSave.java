package org.jodide.ui.editor;

import org.jodide.ui.jupyter.JupyterKernel;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

import java.util.function.Supplier;

/**
 * The Kernel dialog's "Save on the server" ({@code #jupyter-save}), shown while the notebook's
 * Python runs on a Jupyter server: writes the notebook as Download .ipynb gives it (outputs of the
 * latest runs included) at a path of that server, through its Contents API, and links to it in
 * JupyterLab there, for the user who goes on in Jupyter. A file already at the path is replaced only
 * when the user presses the button again ("Replace"). The status ({@code #jupyter-save-status},
 * {@code data-state} {@code saving}, {@code saved}, {@code exists} or {@code error}) says what happened.
 */
final class ServerNotebookSave {
    private final HTMLDocument document;
    private final HTMLElement section;
    private final HTMLInputElement path;
    private final HTMLElement button;
    private final HTMLElement status;
    private final Supplier<String> ipynb;
    private final Supplier<String> fileName;
    private final ConsoleView console;
    private JupyterKernel remote;
    /** The path the user was told exists: pressing the button again writes over it. */
    private String replacing;
    /** The path last filled in for the user: replaced by the notebook's name until they type their own. */
    private String suggested = "";

    /**
     * @param ipynb    the notebook as Download .ipynb writes it
     * @param fileName the notebook's file name ({@code sales.iomd}), which the path suggested follows
     */
    ServerNotebookSave(HTMLDocument document, Supplier<String> ipynb, Supplier<String> fileName, ConsoleView console) {
        this.document = document;
        this.section = document.getElementById("jupyter-save");
        this.path = (HTMLInputElement) document.getElementById("jupyter-save-path");
        this.button = document.getElementById("jupyter-save-button");
        this.status = document.getElementById("jupyter-save-status");
        this.ipynb = ipynb;
        this.fileName = fileName;
        this.console = console;
        button.addEventListener("click", event -> save());
        path.addEventListener("input", event -> notReplacing());
    }

    /** The notebook's Python now runs on {@code connected}, or in the browser (null): the section shows or hides. */
    void kernelChanged(JupyterKernel connected) {
        remote = connected;
        section.setHidden(connected == null);
        if (path.getValue().equals(suggested)) {
            suggested = NotebookFormats.ipynbName(fileName.get());
            path.setValue(suggested);
        }
        notReplacing();
        show("", "");
    }

    private void save() {
        JupyterKernel server = remote;
        if (server == null) {
            return;
        }
        String target = path.getValue();
        boolean replace = target.equals(replacing);
        show("saving", "Saving " + target + " on " + server.serverUrl() + "…");
        server.saveNotebook(target, ipynb.get(), replace, (written, url) -> {
            notReplacing();
            show("saved", "Saved as " + written + " on the server. ");
            HTMLElement link = document.createElement("a");
            link.setAttribute("href", url);
            link.setAttribute("target", "_blank");
            link.setAttribute("rel", "noopener noreferrer");
            link.setTextContent("Open it in JupyterLab");
            status.appendChild(link);
            console.note("Saved the notebook as " + written + " on the Jupyter server at " + server.serverUrl() + ".");
        }, (message, exists) -> {
            if (exists) {
                replacing = target;
                button.setTextContent("Replace " + target);
                show("exists", message);
            } else {
                notReplacing();
                show("error", message);
            }
        });
    }

    private void notReplacing() {
        replacing = null;
        button.setTextContent("Save .ipynb on the server");
    }

    private void show(String state, String text) {
        status.setAttribute("data-state", state);
        status.setTextContent(text);
    }
}
