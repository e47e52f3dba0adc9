package org.jodide.ui.editor;

import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.iomd.ipynb.IodideImport;
import org.jodide.iomd.ipynb.IpynbException;
import org.jodide.iomd.ipynb.IpynbExport;
import org.jodide.iomd.ipynb.IpynbImport;
import org.jodide.iomd.ipynb.NotebookPageImport;
import org.jodide.iomd.ipynb.PercentScriptExport;
import org.jodide.iomd.ipynb.PercentScriptImport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats a notebook comes in: an .iomd opens as it is written; a Jupyter notebook
 * (.ipynb, docs/ipynb.md), a Python script in {@code # %%} cells (.py, docs/percent.md), an Iodide
 * notebook in its first format (.jsmd) and a web page holding a notebook (.html: Iodide's pages and
 * Jodide's exported ones, docs/iodide.md) open converted to .iomd, and Download .ipynb and Download
 * .py write the first two back ({@code org.jodide.iomd.ipynb}). Open…, a dropped file and
 * {@code ?notebook=URL} all go through {@link #open}.
 */
final class NotebookFormats {
    static final String IOMD = ".iomd";
    static final String IPYNB = ".ipynb";
    static final String PY = PercentScriptImport.EXTENSION;

    /**
     * A notebook to show: its .iomd text, the name Save suggests for it, what the console should
     * say about it, and the outputs a Jupyter notebook was saved with (by chunk index).
     */
    record Opened(String text, String name, List<String> notes, boolean converted, Map<Integer, CellOutput.Run> outputs) {
    }

    /** Why a file could not be opened as a notebook, in words that follow "Could not open NAME: ". */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * A format opened converted to .iomd: its file name endings, what it is, how to recognise it and
     * convert it, and how the page writes a notebook in that format again (null: it does not).
     */
    private record Format(List<String> extensions, String description, Recogniser recogniser, Converter converter,
                          String writtenBy) {
        String extensionOf(String fileName) {
            String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            return extensions.stream().filter(lower::endsWith).findFirst().orElse(extensions.get(0));
        }
    }

    @FunctionalInterface
    private interface Recogniser {
        boolean reads(String fileName, String text);
    }

    @FunctionalInterface
    private interface Converter {
        IpynbImport.Imported convert(String text) throws Unreadable;
    }

    /** The formats opened converted, tried in this order; anything else is .iomd. */
    private static final List<Format> CONVERTED = List.of(
            new Format(List.of(IPYNB), "a Jupyter notebook", IpynbImport::looksLikeIpynb, NotebookFormats::jupyterNotebook,
                    "Download .ipynb gives it as a Jupyter notebook"),
            new Format(List.of(PY), "a Python script in cells",
                    (fileName, text) -> PercentScriptImport.isPercentScript(fileName), PercentScriptImport::read,
                    "Download .py gives it as a script in cells again"),
            new Format(List.of(IodideImport.EXTENSION), "an Iodide notebook",
                    (fileName, text) -> IodideImport.isJsmd(fileName), IodideImport::read, null),
            new Format(NotebookPageImport.EXTENSIONS, "a web page holding a notebook",
                    (fileName, text) -> NotebookPageImport.isPage(fileName), NotebookFormats::notebookInPage, null));

    private NotebookFormats() {
    }

    /**
     * The notebook in {@code text}, read from the file (or URL) named {@code fileName}; throws when
     * it is in a format opened converted and cannot be read (a broken Jupyter notebook, saying what is
     * wrong and where; a web page holding no notebook).
     */
    static Opened open(String fileName, String text) throws Unreadable {
        for (Format format : CONVERTED) {
            if (format.recogniser().reads(fileName, text)) {
                IpynbImport.Imported imported = format.converter().convert(text);
                String extension = format.extensionOf(fileName);
                List<String> notes = new ArrayList<>();
                notes.add("Opened " + fileName + ", " + format.description() + ", as an .iomd notebook: Save writes it as an"
                        + " .iomd file (never over the " + extension + ")"
                        + (format.writtenBy() == null ? "." : ", " + format.writtenBy() + "."));
                notes.addAll(imported.notes());
                return new Opened(imported.iomd(), LocalNotebooks.iomdName(withoutExtension(fileName, extension)),
                        notes, true, imported.outputs());
            }
        }
        return new Opened(text, LocalNotebooks.iomdName(fileName), List.of(), false, Map.of());
    }

    private static IpynbImport.Imported jupyterNotebook(String text) throws Unreadable {
        try {
            return IpynbImport.read(text);
        } catch (IpynbException e) {
            throw new Unreadable("it is not a Jupyter notebook that can be read: " + e.getMessage(), e);
        }
    }

    private static IpynbImport.Imported notebookInPage(String html) throws Unreadable {
        return NotebookPageImport.read(html).orElseThrow(() -> new Unreadable(NotebookPageImport.NO_NOTEBOOK
                + "; to give the page to Python as a data file, add it with Files", null));
    }

    /** Whether a file named {@code fileName} opens as a notebook (.iomd or a format opened converted). */
    static boolean opensAsNotebook(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(IOMD) || CONVERTED.stream().anyMatch(format -> format.extensions().stream().anyMatch(lower::endsWith));
    }

    /** The notebook as a Jupyter notebook's text, each code cell with the outputs of its chunk's latest run. */
    static String ipynb(Notebook notebook, CellOutput.Runs runs) {
        return IpynbExport.write(notebook, runs);
    }

    /** The notebook as a Python script in {@code # %%} cells (docs/percent.md, section 5). */
    static String percentScript(Notebook notebook) {
        return PercentScriptExport.write(notebook);
    }

    /** The .ipynb file name of a notebook named {@code iomdName} ({@code sales.iomd} → {@code sales.ipynb}). */
    static String ipynbName(String iomdName) {
        return renamed(iomdName, IPYNB);
    }

    /** The .py file name of a notebook named {@code iomdName} ({@code sales.iomd} → {@code sales.py}). */
    static String scriptName(String iomdName) {
        return renamed(iomdName, PY);
    }

    private static String renamed(String iomdName, String extension) {
        String base = iomdName.toLowerCase(Locale.ROOT).endsWith(IOMD)
                ? iomdName.substring(0, iomdName.length() - IOMD.length()) : iomdName;
        return (base.isEmpty() ? "notebook" : base) + extension;
    }

    private static String withoutExtension(String fileName, String extension) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(extension)) {
            return fileName.substring(0, fileName.length() - extension.length());
        }
        return fileName;
    }
}
