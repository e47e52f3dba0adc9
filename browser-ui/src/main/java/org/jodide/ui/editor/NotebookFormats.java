package org.jodide.ui.editor;

import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.iomd.ipynb.IpynbException;
import org.jodide.iomd.ipynb.IpynbExport;
import org.jodide.iomd.ipynb.IpynbImport;
import org.jodide.iomd.ipynb.PercentScriptExport;
import org.jodide.iomd.ipynb.PercentScriptImport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats a notebook comes in: an .iomd opens as it is written; a Jupyter notebook
 * (.ipynb, docs/ipynb.md) and a Python script in {@code # %%} cells (.py, docs/percent.md) open
 * converted to .iomd, and Download .ipynb and Download .py write them back ({@code org.jodide.iomd.ipynb}).
 * Open…, a dropped file and {@code ?notebook=URL} all go through {@link #open}.
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

    /**
     * A format opened converted to .iomd: its file name ending, what it is, how to recognise it and
     * convert it, and how the page writes a notebook in that format again.
     */
    private record Format(String extension, String description, Recogniser recogniser, Converter converter, String writtenBy) {
    }

    @FunctionalInterface
    private interface Recogniser {
        boolean reads(String fileName, String text);
    }

    @FunctionalInterface
    private interface Converter {
        IpynbImport.Imported convert(String text) throws IpynbException;
    }

    /** The formats opened converted, tried in this order; anything else is .iomd. */
    private static final List<Format> CONVERTED = List.of(
            new Format(IPYNB, "a Jupyter notebook", IpynbImport::looksLikeIpynb, IpynbImport::read,
                    "Download .ipynb gives it as a Jupyter notebook"),
            new Format(PY, "a Python script in cells",
                    (fileName, text) -> PercentScriptImport.isPercentScript(fileName), PercentScriptImport::read,
                    "Download .py gives it as a script in cells again"));

    private NotebookFormats() {
    }

    /**
     * The notebook in {@code text}, read from the file (or URL) named {@code fileName}; throws when
     * it is a Jupyter notebook that cannot be read, saying what is wrong and where.
     */
    static Opened open(String fileName, String text) throws IpynbException {
        for (Format format : CONVERTED) {
            if (format.recogniser().reads(fileName, text)) {
                IpynbImport.Imported imported = format.converter().convert(text);
                List<String> notes = new ArrayList<>();
                notes.add("Opened " + fileName + ", " + format.description() + ", as an .iomd notebook: Save writes it as an"
                        + " .iomd file (never over the " + format.extension() + "), " + format.writtenBy() + ".");
                notes.addAll(imported.notes());
                return new Opened(imported.iomd(), LocalNotebooks.iomdName(withoutExtension(fileName, format.extension())),
                        notes, true, imported.outputs());
            }
        }
        return new Opened(text, LocalNotebooks.iomdName(fileName), List.of(), false, Map.of());
    }

    /** Whether a file named {@code fileName} opens as a notebook (.iomd or a format opened converted). */
    static boolean opensAsNotebook(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(IOMD) || CONVERTED.stream().anyMatch(format -> lower.endsWith(format.extension()));
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
