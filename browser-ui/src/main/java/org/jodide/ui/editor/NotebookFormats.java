package org.jodide.ui.editor;

import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.iomd.ipynb.IpynbException;
import org.jodide.iomd.ipynb.IpynbExport;
import org.jodide.iomd.ipynb.IpynbImport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats a notebook comes in: an .iomd opens as it is written; a Jupyter notebook
 * (.ipynb) opens converted to .iomd, and Download .ipynb writes one back (docs/ipynb.md,
 * {@code org.jodide.iomd.ipynb}). Open…, a dropped file and {@code ?notebook=URL} all go through
 * {@link #open}.
 */
final class NotebookFormats {
    static final String IPYNB = ".ipynb";

    /**
     * A notebook to show: its .iomd text, the name Save suggests for it, what the console should
     * say about it, and the outputs a Jupyter notebook was saved with (by chunk index).
     */
    record Opened(String text, String name, List<String> notes, boolean converted, Map<Integer, CellOutput.Run> outputs) {
    }

    private NotebookFormats() {
    }

    /**
     * The notebook in {@code text}, read from the file (or URL) named {@code fileName}; throws when
     * it is a Jupyter notebook that cannot be read, saying what is wrong and where.
     */
    static Opened open(String fileName, String text) throws IpynbException {
        if (!IpynbImport.looksLikeIpynb(fileName, text)) {
            return new Opened(text, LocalNotebooks.iomdName(fileName), List.of(), false, Map.of());
        }
        IpynbImport.Imported imported = IpynbImport.read(text);
        List<String> notes = new ArrayList<>();
        notes.add("Opened " + fileName + ", a Jupyter notebook, as an .iomd notebook: Save writes it as an .iomd"
                + " file (never over the .ipynb), Download .ipynb gives it back as a Jupyter notebook.");
        notes.addAll(imported.notes());
        return new Opened(imported.iomd(), LocalNotebooks.iomdName(withoutExtension(fileName)), notes, true, imported.outputs());
    }

    /** The notebook as a Jupyter notebook's text, each code cell with the outputs of its chunk's latest run. */
    static String ipynb(Notebook notebook, CellOutput.Runs runs) {
        return IpynbExport.write(notebook, runs);
    }

    /** The .ipynb file name of a notebook named {@code iomdName} ({@code sales.iomd} → {@code sales.ipynb}). */
    static String ipynbName(String iomdName) {
        String base = iomdName.toLowerCase(Locale.ROOT).endsWith(".iomd")
                ? iomdName.substring(0, iomdName.length() - ".iomd".length()) : iomdName;
        return (base.isEmpty() ? "notebook" : base) + IPYNB;
    }

    private static String withoutExtension(String fileName) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(IPYNB)) {
            return fileName.substring(0, fileName.length() - IPYNB.length());
        }
        return fileName;
    }
}
