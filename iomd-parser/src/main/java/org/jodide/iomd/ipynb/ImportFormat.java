package org.jodide.iomd.ipynb;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a notebook is opened from converted to .iomd, in the order they are tried: one list
 * for the page (Open…, a dropped file, {@code ?notebook=URL}: {@code NotebookFormats} in browser-ui)
 * and for {@code ./jodide convert} ({@code ConvertCommand}). A file of none of them is an .iomd.
 *
 * <pre>{@code
 * Optional<ImportFormat> format = ImportFormat.of("analysis.ipynb", text);
 * IpynbImport.Imported imported = format.get().convert(text);   // throws NotConvertible
 * }</pre>
 */
public enum ImportFormat {
    /** A Jupyter notebook (docs/ipynb.md): named .ipynb, or JSON naming its nbformat (a URL without the ending). */
    JUPYTER(List.of(".ipynb"), "a Jupyter notebook") {
        @Override
        public boolean reads(String fileName, String text) {
            return IpynbImport.looksLikeIpynb(fileName, text);
        }

        @Override
        public IpynbImport.Imported convert(String text) throws NotConvertible {
            try {
                return IpynbImport.read(text);
            } catch (IpynbException e) {
                throw new NotConvertible("not a Jupyter notebook that can be read", e);
            }
        }
    },
    /** A Python script in {@code # %%} cells (docs/percent.md). */
    PERCENT_SCRIPT(List.of(PercentScriptImport.EXTENSION), "a Python script in cells") {
        @Override
        public IpynbImport.Imported convert(String text) {
            return PercentScriptImport.read(text);
        }
    },
    /** An Iodide notebook in its first format (docs/iodide.md). */
    IODIDE(List.of(IodideImport.EXTENSION), "an Iodide notebook") {
        @Override
        public IpynbImport.Imported convert(String text) {
            return IodideImport.read(text);
        }
    },
    /** A web page holding a notebook: Iodide's pages, and those Jodide's Export HTML made (docs/iodide.md). */
    WEB_PAGE(NotebookPageImport.EXTENSIONS, "a web page holding a notebook") {
        @Override
        public IpynbImport.Imported convert(String text) throws NotConvertible {
            return NotebookPageImport.read(text).orElseThrow(() -> new NotConvertible(NotebookPageImport.NO_NOTEBOOK));
        }
    };

    private final List<String> extensions;
    private final String description;

    ImportFormat(List<String> extensions, String description) {
        this.extensions = extensions;
        this.description = description;
    }

    /** The endings of its file names, lower case, the usual one first (".html", ".htm"). */
    public List<String> extensions() {
        return extensions;
    }

    /** What it is, as in "Opened x.ipynb, a Jupyter notebook, as …". */
    public String description() {
        return description;
    }

    /** Whether a file named {@code fileName} with {@code text} (null when not read yet) is of this format. */
    public boolean reads(String fileName, String text) {
        return extensionOf(fileName).isPresent();
    }

    /** The .iomd notebook of {@code text}, with notes on what changed; throws when it holds no notebook that can be read. */
    public abstract IpynbImport.Imported convert(String text) throws NotConvertible;

    /** The ending of {@code fileName} that is one of this format's, if any ("page.HTM" → ".htm"). */
    public Optional<String> extensionOf(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(lower::endsWith).findFirst();
    }

    /** The format a file named {@code fileName} holding {@code text} is opened from (none: .iomd). */
    public static Optional<ImportFormat> of(String fileName, String text) {
        return Arrays.stream(values()).filter(format -> format.reads(fileName, text)).findFirst();
    }

    /** The format of a file by its name alone (none: .iomd, or not a notebook). */
    public static Optional<ImportFormat> named(String fileName) {
        return Arrays.stream(values()).filter(format -> format.extensionOf(fileName).isPresent()).findFirst();
    }
}
