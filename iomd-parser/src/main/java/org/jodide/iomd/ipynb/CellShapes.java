package org.jodide.iomd.ipynb;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.internal.Lines;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each chunk type is written as a Jupyter cell and read back: the cell type, and the lines a
 * code cell wraps the chunk's content in (a js chunk is a {@code %%javascript} cell, a css chunk a
 * {@code %%html} cell holding a {@code <style>}). One table for both directions (spec:
 * docs/ipynb.md).
 */
final class CellShapes {
    static final String MARKDOWN = "markdown";
    static final String CODE = "code";
    static final String RAW = "raw";

    /** A cell type, and the text around the content in the cell's source. */
    record Shape(String cellType, String prefix, String suffix) {
        String wrap(String content) {
            return prefix + content + suffix;
        }

        /** The content of a cell source written by {@link #wrap}, or null when the source is not wrapped so. */
        String unwrap(String source) {
            if (source.startsWith(prefix) && source.endsWith(suffix) && source.length() >= prefix.length() + suffix.length()) {
                return source.substring(prefix.length(), source.length() - suffix.length());
            }
            return null;
        }
    }

    private static final Shape RAW_CELL = new Shape(RAW, "", "");
    private static final Map<ChunkType, Shape> SHAPES = new EnumMap<>(ChunkType.class);

    static {
        SHAPES.put(ChunkType.MD, new Shape(MARKDOWN, "", ""));
        SHAPES.put(ChunkType.PY, new Shape(CODE, "", ""));
        SHAPES.put(ChunkType.JS, new Shape(CODE, "%%javascript\n", ""));
        SHAPES.put(ChunkType.CSS, new Shape(CODE, "%%html\n<style>\n", "\n</style>"));
        SHAPES.put(ChunkType.RAW, RAW_CELL);
        SHAPES.put(ChunkType.FETCH, RAW_CELL);
        SHAPES.put(ChunkType.PLUGIN, RAW_CELL);
        SHAPES.put(ChunkType.UNKNOWN, RAW_CELL);
    }

    /** The first lines of a Python code cell that make it JavaScript (IPython's cell magics). */
    private static final List<String> JAVASCRIPT_MAGICS = List.of("%%javascript", "%%js");

    /** The JavaScript of a code cell whose first line is {@code %%javascript} or {@code %%js}: the lines under it; else null. */
    static String javascriptBody(String source) {
        int lineEnd = Lines.lineEnd(source, 0, source.length());
        if (!JAVASCRIPT_MAGICS.contains(source.substring(0, lineEnd).strip())) {
            return null;
        }
        return source.substring(Lines.nextLineStart(source, lineEnd, source.length()));
    }

    private CellShapes() {
    }

    /** How a chunk of {@code type} is written as a cell (never called for the preamble). */
    static Shape of(ChunkType type) {
        Shape shape = SHAPES.get(type);
        if (shape == null) {
            throw new IllegalArgumentException("no cell for " + type);
        }
        return shape;
    }
}
