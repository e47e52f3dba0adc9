package org.jodide.ui.editor;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The pieces of the toolbar dialogs that list things kept in this browser ({@link NotebookListDialog},
 * {@link DataFilesDialog}): a row's cells and buttons, and the status line under the list.
 */
final class DialogRows {
    private final HTMLDocument document;
    private final HTMLElement status;

    /** @param status the dialog's status line ({@code role="status"}) */
    DialogRows(HTMLDocument document, HTMLElement status) {
        this.document = document;
        this.status = status;
    }

    /** A button labelled {@code label} that runs {@code action}. */
    HTMLElement button(String label, String className, Runnable action) {
        HTMLElement button = document.createElement("button");
        button.setAttribute("type", "button");
        button.setClassName(className);
        button.setTextContent(label);
        button.addEventListener("click", event -> action.run());
        return button;
    }

    /** A cell of {@code tag} ({@code td}, {@code th}) holding {@code text}, added to {@code row}. */
    HTMLElement cell(HTMLElement row, String tag, String text) {
        HTMLElement cell = document.createElement(tag);
        cell.setTextContent(text);
        row.appendChild(cell);
        return cell;
    }

    /** Says what happened ({@code state}: "done", "error", or "" to clear), in the status line. */
    void say(String state, String message) {
        status.setAttribute("data-state", state);
        status.setTextContent(message);
    }

    static void clear(HTMLElement element) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
    }
}
