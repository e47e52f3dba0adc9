package org.jodide.iomd.ipynb;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.IomdWriter;
import org.jodide.iomd.Notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Jupyter cells, in order, as the chunks of an .iomd notebook: a markdown cell is an
 * {@code md} chunk, a raw cell a {@code raw} chunk, a code cell a chunk of the notebook's code type
 * (a {@code %%javascript} cell a {@code js} chunk), and a cell that kept the delimiter line of the
 * chunk it was written from gets that line back (docs/ipynb.md). Shared by the readers of .ipynb
 * files ({@link IpynbImport}) and of {@code # %%} scripts ({@link PercentScriptImport}), so that both
 * read the cells {@link IpynbExport} and {@link PercentScriptExport} write alike.
 */
final class CellChunks {
    private static final IomdParser PARSER = IomdParser.create();

    private final List<String> chunks = new ArrayList<>();
    private final String codeChunkType;
    /** The type of the chunk last written, which a bare {@code %%} delimiter inherits. */
    private ChunkType previousType = ChunkType.PREAMBLE;

    /** @param codeChunkType the chunk type of code cells ({@code py}, or a plugin's language) */
    CellChunks(String codeChunkType) {
        this.codeChunkType = codeChunkType;
    }

    /** How many chunks are written: the index in the notebook of the next one (the preamble counted). */
    int count() {
        return chunks.size();
    }

    /** The text before the first chunk. */
    void preamble(String text) {
        String preamble = withoutTrailingBreaks(text);
        if (!preamble.isEmpty()) {
            chunks.add(IomdWriter.escapeBody(preamble) + "\n");
        }
    }

    /**
     * A markdown, raw or code cell as its chunk.
     *
     * @param delimiter the delimiter line kept with the cell, or null
     */
    void cell(String cellType, String source, List<String> flags, String delimiter) {
        if (delimiter != null && addKept(delimiter, cellType, source, flags)) {
            return;
        }
        switch (cellType) {
            case CellShapes.MARKDOWN -> add("md", flags, source);
            case CellShapes.RAW -> add("raw", flags, source);
            case CellShapes.CODE -> {
                String javascript = codeChunkType.equals("py") ? CellShapes.javascriptBody(source) : null;
                if (javascript != null) {
                    add("js", flags, javascript);
                } else {
                    add(codeChunkType, flags, source);
                }
            }
            default -> throw new IllegalArgumentException("not a cell type: " + cellType);
        }
    }

    /** A chunk of {@code typeName}, with the flags and content given. */
    void add(String typeName, List<String> flags, String content) {
        chunks.add(IomdWriter.chunk(typeName, flags, withoutTrailingBreaks(content)));
        previousType = ChunkType.fromKeyword(typeName);
    }

    /** The notebook: the chunks separated by one blank line. */
    String iomd() {
        return String.join("\n", chunks);
    }

    /**
     * Writes the chunk with the delimiter Jodide kept for the cell; false when that delimiter no
     * longer fits the cell (its type changed in Jupyter, or it is not a delimiter). Tags added in
     * Jupyter add their flags.
     */
    private boolean addKept(String delimiter, String cellType, String source, List<String> tagFlags) {
        if (!delimiter.startsWith("%%") || delimiter.indexOf('\n') >= 0 || delimiter.indexOf('\r') >= 0) {
            return false;
        }
        Notebook parsed = PARSER.parse(delimiter + "\n");
        if (parsed.chunks().size() != 1 || parsed.chunk(0).type() == ChunkType.PREAMBLE) {
            return false;
        }
        Chunk chunk = parsed.chunk(0);
        ChunkType type = chunk.inheritsType() ? previousType : chunk.type();
        if (type == ChunkType.PREAMBLE || !CellShapes.of(type).cellType().equals(cellType)) {
            return false;
        }
        String content = CellShapes.of(type).unwrap(source);
        if (content == null) {
            if (type != ChunkType.JS) {
                return false;
            }
            content = source; // the %%javascript line was taken out in Jupyter: the cell is JavaScript still
        }
        StringBuilder written = new StringBuilder(delimiter);
        for (String flag : tagFlags) {
            if (chunk.flags().stream().noneMatch(flag::equalsIgnoreCase)) {
                written.append(' ').append(flag);
            }
        }
        previousType = type;
        chunks.add(IomdWriter.chunk(written.toString(), withoutTrailingBreaks(content)));
        return true;
    }

    static String withoutTrailingBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
