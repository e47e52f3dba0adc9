package org.jodide.ui.editor;

import org.jodide.ui.jupyter.JupyterKernel;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/**
 * The Kernel dialog's "Data files on the server" ({@code #jupyter-files}), shown while the notebook's
 * Python runs on a Jupyter server: copies this browser's data files ({@link DataFiles}) into the
 * server's folder, where its kernel starts, so that the notebook's {@code open('sales.csv')} works
 * there as it did in the browser. A file the server has already is left as it is. The status
 * ({@code #jupyter-files-status}, {@code data-state} {@code copying}, {@code copied} or {@code error})
 * says what happened.
 */
final class ServerDataFilesCopy {
    private final HTMLElement section;
    private final HTMLElement status;
    private final ConsoleView console;
    private JupyterKernel remote;

    ServerDataFilesCopy(HTMLDocument document, ConsoleView console) {
        this.section = document.getElementById("jupyter-files");
        this.status = document.getElementById("jupyter-files-status");
        this.console = console;
        document.getElementById("jupyter-copy-files").addEventListener("click", event -> copy());
    }

    /** The notebook's Python now runs on {@code connected}, or in the browser (null): the section shows or hides. */
    void kernelChanged(JupyterKernel connected) {
        remote = connected;
        section.setHidden(connected == null);
        show("", "");
    }

    private void copy() {
        JupyterKernel server = remote;
        if (server == null) {
            return;
        }
        show("copying", "Copying this browser's data files to " + server.serverUrl() + "…");
        DataFiles.list((listed, listError) -> {
            if (listError != null) {
                show("error", "The data files kept in this browser cannot be read: " + listError);
                return;
            }
            if (listed.getLength() == 0) {
                show("copied", "There are no data files in this browser: Files in the toolbar adds them.");
                return;
            }
            DataFiles.readAll((files, error) -> {
                if (error != null) {
                    show("error", "The data files kept in this browser cannot be read: " + error);
                    return;
                }
                server.copyDataFiles(files, (copied, kept) -> {
                    String said = said(copied, kept);
                    show("copied", said);
                    console.note(said);
                }, failure -> show("error", failure));
            });
        });
    }

    /** What the copy did, in words: "Copied a.csv, b.csv to the server's folder; kept c.txt, which it has already." */
    static String said(List<String> copied, List<String> kept) {
        StringBuilder text = new StringBuilder();
        if (!copied.isEmpty()) {
            text.append("Copied ").append(String.join(", ", copied)).append(" to the Jupyter server's folder");
        }
        if (!kept.isEmpty()) {
            text.append(text.length() == 0 ? "The Jupyter server has " : "; it had ").append(String.join(", ", kept))
                    .append(" already, left as ").append(kept.size() == 1 ? "it is" : "they are");
        }
        return text.append('.').toString();
    }

    private void show(String state, String text) {
        status.setAttribute("data-state", state);
        status.setTextContent(text);
    }
}
