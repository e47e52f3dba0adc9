package org.jodide.ui.editor;

import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.iomd.ipynb.ImportFormat;
import org.jodide.iomd.ipynb.IpynbExport;
import org.jodide.iomd.ipynb.IpynbImport;
import org.jodide.iomd.ipynb.NotConvertible;
import org.jodide.iomd.ipynb.PercentScriptExport;
import org.jodide.iomd.ipynb.PercentScriptImport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file formats a notebook comes in: an .iomd opens as it is written; a Jupyter notebook
 * (.ipynb, docs/ipynb.md), a Python script in {@code # %%} cells (.py, docs/percent.md), an Iodide
 * notebook in its first format (.jsmd) and a web page holding a notebook (.html: Iodide's pages and
 * Jodide's exported ones, docs/iodide.md) open converted to .iomd ({@link ImportFormat}, the list
 * {@code ./jodide convert} uses too), and Download .ipynb and Download .py write the first two back
 * ({@code org.jodide.iomd.ipynb}). Open…, a dropped file and {@code ?notebook=URL} all go through
 * {@link #open}.
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

    /** What the page says a notebook of a format opened converted can be written as again (none: it cannot). */
    private static final Map<ImportFormat, String> WRITTEN_AGAIN_BY = new EnumMap<>(Map.of(
            ImportFormat.JUPYTER, "Download .ipynb gives it as a Jupyter notebook",
            ImportFormat.PERCENT_SCRIPT, "Download .py gives it as a script in cells again"));

    private NotebookFormats() {
    }

    /**
     * The notebook in {@code text}, read from the file (or URL) named {@code fileName}; throws when
     * it is in a format opened converted ({@link ImportFormat}) and cannot be read (a broken Jupyter
     * notebook, saying what is wrong and where; a web page holding no notebook).
     */
    static Opened open(String fileName, String text) throws Unreadable {
        Optional<ImportFormat> format = ImportFormat.of(fileName, text);
        if (format.isEmpty()) {
            return new Opened(text, LocalNotebooks.iomdName(fileName), List.of(), false, Map.of());
        }
        IpynbImport.Imported imported;
        try {
            imported = format.get().convert(text);
        } catch (NotConvertible e) {
            throw new Unreadable(e.getMessage() + "; to give the file to Python as a data file, add it with Files", e);
        }
        String extension = format.get().extensionOf(fileName).orElse(format.get().extensions().get(0));
        String writtenAgain = WRITTEN_AGAIN_BY.get(format.get());
        List<String> notes = new ArrayList<>();
        notes.add("Opened " + fileName + ", " + format.get().description() + ", as an .iomd notebook: Save writes it as an"
                + " .iomd file (never over the " + extension + ")" + (writtenAgain == null ? "." : ", " + writtenAgain + "."));
        notes.addAll(imported.notes());
        return new Opened(imported.iomd(), LocalNotebooks.iomdName(withoutExtension(fileName, extension)),
                notes, true, imported.outputs());
    }

    /** Whether a file named {@code fileName} opens as a notebook (.iomd or a format opened converted). */
    static boolean opensAsNotebook(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(IOMD) || ImportFormat.named(fileName).isPresent();
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
