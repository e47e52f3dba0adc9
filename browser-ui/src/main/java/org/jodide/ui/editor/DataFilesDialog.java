package org.jodide.ui.editor;

import org.jodide.core.protocol.DataFileNames;
import org.jodide.core.protocol.HomeFile;
import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.dom.WindowMessages;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The toolbar's Files ({@code #show-files}): the dialog {@code #files-dialog} lists the data files
 * kept in this browser ({@link DataFiles}), each a row {@code tr.data-file[data-name]} with its size,
 * Download and Delete; Add files… ({@code #add-files}) picks more, as dropping them onto the page
 * does. Each file added or deleted goes to the notebook's Python at once ({@code added},
 * {@code deleted}); {@code #files-status} says what happened, or why not. Below, the files of
 * Python's folder ({@code tr.home-file[data-name]}: those added and those Python wrote), each with
 * Download and Keep (among the data files), or why they cannot be listed now ({@code #home-files-note}).
 */
final class DataFilesDialog {
    /** Python's home folder, as the notebook's kernel can show it (the eval frame's Python). */
    interface PythonFolder {
        /** Hears the files, or none and why they cannot be listed now. */
        void list(BiConsumer<List<HomeFile>, String> answer);

        /** Hears a file's bytes (base64), or null and why not. */
        void read(String name, BiConsumer<String, String> answer);

        /** The eval frame's Python folder: listing waits 5 s for an answer, reading 30 s. */
        static PythonFolder of(EvalFrame frame) {
            return new PythonFolder() {
                @Override
                public void list(BiConsumer<List<HomeFile>, String> answer) {
                    frame.listHomeFiles(5000, answer);
                }

                @Override
                public void read(String name, BiConsumer<String, String> answer) {
                    frame.readHomeFile(name, 30000, answer);
                }
            };
        }
    }

    private final HTMLDocument document;
    private final DialogElement dialog;
    private final HTMLElement list;
    private final DialogRows rows;
    private final KeptFiles added;
    private final Consumer<String> deleted;
    private final PythonFolder folder;
    private final HTMLElement homeList;
    private final HTMLElement homeNote;

    /** Hears each data file kept (added, saved, kept from Python's folder), for the notebook's Python and {@code iodide.file}. */
    @FunctionalInterface
    interface KeptFiles {
        /**
         * @param bytes       the file's bytes, an {@code ArrayBuffer}
         * @param lastUpdated when it was kept, ISO 8601 ({@code 2026-12-03T06:00:00.000Z})
         */
        void put(String name, JSObject bytes, String lastUpdated);
    }

    /**
     * @param added   hears each file added
     * @param deleted hears the name of each file deleted
     */
    DataFilesDialog(HTMLDocument document, KeptFiles added, Consumer<String> deleted, PythonFolder folder) {
        this.document = document;
        this.added = added;
        this.deleted = deleted;
        this.folder = folder;
        this.homeList = document.getElementById("home-files-list");
        this.homeNote = document.getElementById("home-files-note");
        document.getElementById("refresh-home-files").addEventListener("click", event -> refreshHome());
        HTMLElement dialogElement = document.getElementById("files-dialog");
        this.dialog = (DialogElement) dialogElement;
        this.list = document.getElementById("files-list");
        this.rows = new DialogRows(document, document.getElementById("files-status"));
        HTMLElement input = document.getElementById("add-files-input");
        document.getElementById("show-files").addEventListener("click", event -> open());
        document.getElementById("files-close").addEventListener("click", event -> dialog.close());
        document.getElementById("add-files").addEventListener("click", event -> input.click());
        input.addEventListener("change", event -> {
            add(DataFiles.pickedFiles(input));
            clearValue(input);
        });
        dialogElement.addEventListener("click", event -> {
            if (WindowMessages.same(event.getTarget(), dialogElement)) {
                dialog.close();
            }
        });
    }

    /** Sends every kept file to Python: once when the page starts (a restarted report frame gets them again by itself). */
    void sendAllTo(KeptFiles notebook) {
        DataFiles.readAll((files, error) -> {
            if (error == null) {
                DataFiles.forEach(files, notebook::put);
            }
        });
    }

    /**
     * What notebook code asks of the data files (Iodide's {@code iodide.file.save} and {@code delete}):
     * kept and forgotten as the dialog's own, given to Python the same way; an open dialog lists them.
     */
    EvalFrame.DataFileRequests notebookRequests() {
        return new EvalFrame.DataFileRequests() {
            @Override
            public void save(String name, String base64, boolean overwrite, Consumer<String> done) {
                String problem = DataFileNames.problem(name);
                if (problem != null) {
                    done.accept(problem);
                    return;
                }
                DataFiles.save(name, base64, overwrite, (savedName, bytes, lastUpdated, error) -> {
                    if (error == null) {
                        added.put(savedName, bytes, lastUpdated);
                        refreshIfOpen();
                    }
                    done.accept(error);
                });
            }

            @Override
            public void delete(String name, Consumer<String> done) {
                DataFiles.delete(name, error -> {
                    if (error == null) {
                        deleted.accept(name);
                        refreshIfOpen();
                    }
                    done.accept(error);
                });
            }
        };
    }

    private void refreshIfOpen() {
        if (dialog.isOpen()) {
            refresh();
        }
    }

    /** Adds the files a drop onto the page carries, and shows the list. */
    void addDropped(Event drop) {
        open();
        add(DataFiles.droppedFiles(drop));
    }

    void open() {
        rows.say("", "");
        refresh();
        if (!dialog.isOpen()) {
            dialog.showModal();
        }
    }

    private void add(JSObject files) {
        for (int i = 0; i < DataFiles.count(files); i++) {
            JSObject file = DataFiles.fileAt(files, i);
            String name = DataFiles.nameOf(file);
            String problem = DataFileNames.problem(name);
            if (problem != null) {
                rows.say("error", "Not added: " + problem);
                continue;
            }
            DataFiles.add(name, file, (addedName, bytes, lastUpdated, error) -> {
                if (error != null) {
                    rows.say("error", "Not added: " + error);
                    return;
                }
                added.put(addedName, bytes, lastUpdated);
                rows.say("done", "Added " + addedName + ": Python opens it as open(" + pythonString(addedName) + ").");
                refresh();
            });
        }
    }

    /** Lists Python's folder again (what Python wrote since shows up). */
    private void refreshHome() {
        folder.list((files, unavailable) -> {
            DialogRows.clear(homeList);
            homeNote.setTextContent(unavailable != null ? unavailable
                    : files.isEmpty() ? "Python's folder is empty: files it writes there (df.to_csv('out.csv')) show here." : "");
            for (HomeFile file : files) {
                homeList.appendChild(fileRow("home-file", file.name(), file.size(),
                        rows.button("Download", "home-file-download", () -> folder.read(file.name(), (base64, error) -> {
                            if (error != null) {
                                rows.say("error", "Could not download " + file.name() + ": " + error);
                            } else {
                                DataFiles.downloadBytes(file.name(), base64);
                            }
                        })),
                        rows.button("Keep", "home-file-keep", () -> keep(file.name()))));
            }
        });
    }

    /**
     * Keeps a file of Python's folder (one Python wrote) among the data files, as it is now: a
     * restarted Python, a reload and every notebook of this browser find it (replacing a kept file of
     * its name). Python's own copy is given the same bytes again, as for any file added.
     */
    private void keep(String name) {
        folder.read(name, (base64, error) -> {
            if (error != null) {
                rows.say("error", "Could not keep " + name + ": " + error);
                return;
            }
            DataFiles.save(name, base64, true, (keptName, bytes, lastUpdated, keepError) -> {
                if (keepError != null) {
                    rows.say("error", "Not kept: " + keepError);
                    return;
                }
                added.put(keptName, bytes, lastUpdated);
                rows.say("done", "Kept " + keptName + " in this browser: Python finds it after a restart or a reload,"
                        + " in every notebook, until you delete it.");
                refresh();
            });
        });
    }

    private void refresh() {
        refreshHome();
        DataFiles.list((files, error) -> {
            DialogRows.clear(list);
            if (error != null) {
                rows.say("error", "The data files kept in this browser cannot be read: " + error);
                return;
            }
            if (files.getLength() == 0) {
                HTMLElement row = document.createElement("tr");
                rows.cell(row, "td", "No data file yet: add files, or drop them onto the page.").setAttribute("colspan", "3");
                list.appendChild(row);
            }
            for (int i = 0; i < files.getLength(); i++) {
                list.appendChild(row(files.get(i)));
            }
        });
    }

    private HTMLElement row(DataFiles.Listed file) {
        String name = file.getName();
        return fileRow("data-file", name, file.getSize(),
                rows.button("Download", "data-file-download", () -> DataFiles.download(name, error -> {
                    if (error != null) {
                        rows.say("error", "Could not download " + name + ": " + error);
                    }
                })),
                rows.button("Delete", "data-file-delete", () -> DataFiles.delete(name, error -> {
                    if (error != null) {
                        rows.say("error", "Could not delete " + name + ": " + error);
                        return;
                    }
                    deleted.accept(name);
                    rows.say("done", "Deleted " + name + ": Python no longer finds it.");
                    refresh();
                })));
    }

    /** A row {@code tr.CLASS[data-name]}: the file's name, its size, and the buttons. */
    private HTMLElement fileRow(String className, String name, double size, HTMLElement... buttons) {
        HTMLElement row = document.createElement("tr");
        row.setClassName(className);
        row.setAttribute("data-name", name);
        rows.cell(row, "td", name).setClassName("data-file-name");
        rows.cell(row, "td", size(size)).setClassName("data-file-size");
        HTMLElement actions = rows.cell(row, "td", "");
        actions.setClassName("data-file-actions");
        for (HTMLElement button : buttons) {
            actions.appendChild(button);
        }
        return row;
    }

    /** A size as people read it: 532 bytes, 12.4 KB, 3.1 MB. */
    static String size(double bytes) {
        if (bytes < 1000) {
            return (long) bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kilobytes = bytes / 1000;
        if (kilobytes < 1000) {
            return oneDecimal(kilobytes) + " KB";
        }
        return oneDecimal(kilobytes / 1000) + " MB";
    }

    private static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10;
    }

    /** {@code name} as a Python string literal in single quotes. */
    static String pythonString(String name) {
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @org.teavm.jso.JSBody(params = "input", script = "input.value = '';")
    private static native void clearValue(HTMLElement input);
}
