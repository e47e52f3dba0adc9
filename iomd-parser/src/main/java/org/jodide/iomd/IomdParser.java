package org.jodide.iomd;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits .iomd text into chunks. Never throws on input; one pass over the text.
 *
 * <pre>{@code
 * Notebook notebook = IomdParser.create().parse("%% py\n1+1\n");
 * notebook.chunks().get(0).body(); // "1+1\n"
 * }</pre>
 */
public final class IomdParser {
    private IomdParser() {
    }

    public static IomdParser create() {
        return new IomdParser();
    }

    public Notebook parse(String text) {
        List<Chunk> chunks = new ArrayList<>();
        int length = text.length();
        int line = 0;
        int pos = 0;
        // The open chunk.
        int chunkStart = 0;
        int bodyStart = 0;
        int bodyLine = 0;
        ChunkType type = ChunkType.PREAMBLE;
        String typeName = "";
        List<String> flags = List.of();
        ChunkType previousType = null;
        String previousName = "";
        while (pos < length) {
            int lineEnd = pos;
            while (lineEnd < length && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int next = lineEnd;
            if (next < length) {
                next += text.charAt(next) == '\r' && next + 1 < length && text.charAt(next + 1) == '\n' ? 2 : 1;
            }
            if (text.startsWith("%%", pos)) {
                if (pos > chunkStart || type != ChunkType.PREAMBLE) {
                    chunks.add(new Chunk("c" + chunks.size(), type, typeName, flags,
                            new SourceSpan(chunkStart, pos), new SourceSpan(bodyStart, pos), bodyLine, text));
                }
                if (type != ChunkType.PREAMBLE) {
                    previousType = type;
                    previousName = typeName;
                }
                int wordsStart = pos;
                while (wordsStart < lineEnd && text.charAt(wordsStart) == '%') {
                    wordsStart++;
                }
                String[] words = text.substring(wordsStart, lineEnd).trim().split("[ \\t]+");
                if (words.length == 0 || words[0].isEmpty()) {
                    // spec: a bare %% inherits the type of the chunk above.
                    type = previousType == null ? ChunkType.UNKNOWN : previousType;
                    typeName = previousType == null ? "" : previousName;
                    flags = List.of();
                } else {
                    type = ChunkType.fromKeyword(words[0]);
                    typeName = words[0];
                    flags = List.of(words).subList(1, words.length);
                }
                chunkStart = pos;
                bodyStart = next;
                bodyLine = line + 1;
            }
            pos = next;
            line++;
        }
        if (length > chunkStart || type != ChunkType.PREAMBLE) {
            chunks.add(new Chunk("c" + chunks.size(), type, typeName, flags,
                    new SourceSpan(chunkStart, length), new SourceSpan(Math.min(bodyStart, length), length), bodyLine, text));
        }
        return new Notebook(text, chunks);
    }
}
