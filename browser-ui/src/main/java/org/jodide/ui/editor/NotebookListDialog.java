package org.jodide.ui.editor;

import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.dom.Downloads;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.dom.WindowMessages;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The toolbar's Notebooks ({@code #show-notebooks}): the dialog {@code #notebooks-dialog} lists
 * the notebooks kept in this browser ({@link LocalNotebooks}), the last changed first, each a row
 * {@code tr.local-notebook[data-id]} with its name (a link that opens it), when it changed, where
 * it came from, and Rename, Duplicate, Download and Delete (which asks once more). New notebook
 * starts an empty one. {@code #notebooks-status} says what happened, or why not.
 */
final class NotebookListDialog {
    private static final String NEW_NOTEBOOK = "%% md\n# A new notebook\n\n%% py\n";

    private final HTMLDocument document;
    private final HTMLElement dialogElement;
    private final DialogElement dialog;
    private final HTMLElement list;
    private final DialogRows rows;
    private final Supplier<String> openId;
    private final BiConsumer<String, String> renamed;

    /**
     * @param openId  the id of the notebook shown in this page
     * @param renamed hears (id, new name) after a rename
     */
    NotebookListDialog(HTMLDocument document, Supplier<String> openId, BiConsumer<String, String> renamed) {
        this.document = document;
        this.openId = openId;
        this.renamed = renamed;
        this.dialogElement = document.getElementById("notebooks-dialog");
        this.dialog = (DialogElement) dialogElement;
        this.list = document.getElementById("notebooks-list");
        this.rows = new DialogRows(document, document.getElementById("notebooks-status"));
        document.getElementById("show-notebooks").addEventListener("click", event -> open());
        document.getElementById("notebooks-close").addEventListener("click", event -> dialog.close());
        document.getElementById("new-notebook").addEventListener("click", event -> createNotebook());
        dialogElement.addEventListener("click", event -> {
            if (WindowMessages.same(event.getTarget(), dialogElement)) {
                dialog.close();
            }
        });
    }

    void open() {
        rows.say("", "");
        refresh();
        if (!dialog.isOpen()) {
            dialog.showModal();
        }
    }

    private void refresh() {
        LocalNotebooks.list((records, error) -> {
            DialogRows.clear(list);
            if (error != null) {
                rows.say("error", "The notebooks kept in this browser cannot be read: " + error);
                return;
            }
            if (records.getLength() == 0) {
                HTMLElement row = document.createElement("tr");
                rows.cell(row, "td", "No notebook is kept in this browser yet: the ones you edit appear here.")
                        .setAttribute("colspan", "4");
                list.appendChild(row);
            }
            for (int i = 0; i < records.getLength(); i++) {
                list.appendChild(row(records.get(i)));
            }
        });
    }

    private HTMLElement row(LocalNotebooks.Record record) {
        String id = record.getId();
        HTMLElement row = document.createElement("tr");
        row.setClassName("local-notebook");
        row.setAttribute("data-id", id);
        HTMLElement name = document.createElement("td");
        name.setClassName("local-name");
        HTMLElement link = document.createElement("a");
        link.setClassName("local-open");
        link.setAttribute("href", LocalNotebooks.urlOf(id));
        link.setTextContent(record.getName());
        name.appendChild(link);
        if (id.equals(openId.get())) {
            HTMLElement here = document.createElement("span");
            here.setClassName("local-here");
            here.setTextContent(" (open here)");
            name.appendChild(here);
        }
        row.appendChild(name);
        rows.cell(row, "td", LocalTimes.dateTime(record.getModified())).setClassName("local-modified");
        rows.cell(row, "td", origin(record)).setClassName("local-from");
        HTMLElement actions = document.createElement("td");
        actions.setClassName("local-actions");
        actions.appendChild(rows.button("Rename", "local-rename", () -> rename(row, name, record)));
        actions.appendChild(rows.button("Duplicate", "local-duplicate", () -> LocalNotebooks.duplicate(id, (copy, error) -> {
            if (error != null) {
                rows.say("error", "Could not duplicate " + record.getName() + ": " + error);
                return;
            }
            rows.say("done", "Made " + copy.getName() + ".");
            refresh();
        })));
        actions.appendChild(rows.button("Download", "local-download", () -> Downloads.offerText(record.getName(),
                (record.isByteOrderMark() ? "\uFEFF" : "") + record.getText())));
        HTMLElement delete = rows.button("Delete", "local-delete", () -> { });
        delete.addEventListener("click", event -> {
            if (!"yes".equals(delete.getAttribute("data-confirm"))) {
                delete.setAttribute("data-confirm", "yes");
                delete.setTextContent("Delete for good?");
                return;
            }
            LocalNotebooks.delete(id, error -> {
                if (error != null) {
                    rows.say("error", "Could not delete " + record.getName() + ": " + error);
                    return;
                }
                rows.say("done", "Deleted " + record.getName() + (id.equals(openId.get())
                        ? ". It is still shown here: what you change from now on is kept again." : "."));
                refresh();
            });
        });
        actions.appendChild(delete);
        row.appendChild(actions);
        return row;
    }

    /** Turns the name into a field: Enter keeps the new name, Escape or leaving it keeps the old. */
    private void rename(HTMLElement row, HTMLElement nameCell, LocalNotebooks.Record record) {
        HTMLInputElement field = (HTMLInputElement) document.createElement("input");
        field.setClassName("local-name-field");
        field.setAttribute("aria-label", "New name of " + record.getName());
        field.setValue(record.getName());
        DialogRows.clear(nameCell);
        nameCell.appendChild(field);
        field.focus();
        field.select();
        field.addEventListener("keydown", event -> {
            String key = ((KeyboardEvent) event).getKey();
            if ("Enter".equals(key)) {
                event.preventDefault();
                LocalNotebooks.rename(record.getId(), field.getValue(), (renamedRecord, error) -> {
                    if (error != null) {
                        rows.say("error", "Could not rename " + record.getName() + ": " + error);
                    } else {
                        rows.say("done", "Renamed to " + renamedRecord.getName() + ".");
                        renamed.accept(record.getId(), renamedRecord.getName());
                    }
                    refresh();
                });
            } else if ("Escape".equals(key)) {
                // Escape would close the dialog: only the field is left.
                event.preventDefault();
                event.stopPropagation();
                refresh();
            }
        });
    }

    private void createNotebook() {
        String id = LocalNotebooks.newId("new");
        LocalNotebooks.create(id, "notebook.iomd", null, NEW_NOTEBOOK, false, true, null, (record, error) -> {
            if (error != null) {
                rows.say("error", "Could not make a new notebook in this browser: " + error);
                return;
            }
            Window.current().getLocation().assign(LocalNotebooks.urlOf(id));
        });
    }

    private static String origin(LocalNotebooks.Record record) {
        String place = record.getPlace();
        if (place == null) {
            return "written here";
        }
        if (place.startsWith("link:")) {
            return "a link";
        }
        if (place.startsWith("file:")) {
            return "the file " + place.substring("file:".length());
        }
        return place;
    }

}
