package org.jodide.iomd.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into chunks in one pass: each line is looked at once, and only its first two
 * characters decide whether it starts a chunk. Linear in the length of the text.
 */
final class ChunkScanner {
    private ChunkScanner() {
    }

    /**
     * Splits all of {@code text}, which must start at a line start of the notebook.
     *
     * @param context what a bare delimiter on the first line would inherit
     * @param firstId the number of the first id to hand out ({@code "c" + n}), or -1 to leave ids
     *                empty for the caller to assign
     */
    static List<ChunkNode> scan(String text, TypeContext context, int firstId) {
        int end = text.length();
        boolean cr = Lines.hasCr(text, 0, end);
        List<ChunkNode> nodes = new ArrayList<>();
        int nextId = firstId;
        int chunkStart = 0;
        int bodyStart = 0;
        int bodyLine = 0;
        int breaks = 0;
        int chunkBreaks = 0;
        DelimiterLine delimiter = null;
        int pos = 0;
        while (pos < end) {
            int lineEnd = cr ? Lines.lineEnd(text, pos, end) : Lines.lineEndNoCr(text, pos, end);
            int next = Lines.nextLineStart(text, lineEnd, end);
            if (DelimiterParser.isDelimiter(text, pos, end)) {
                // spec: text before the first delimiter is a preamble; an empty one is no chunk.
                if (pos > chunkStart || delimiter != null) {
                    ChunkNode node = ChunkAnalyzer.analyze(firstId < 0 ? "" : "c" + nextId++, text, chunkStart, bodyStart, pos,
                            breaks - chunkBreaks, bodyLine, delimiter, context);
                    nodes.add(node);
                    context = node.outgoing();
                }
                chunkStart = pos;
                chunkBreaks = breaks;
                delimiter = DelimiterParser.parse(text, pos, lineEnd);
                bodyStart = next;
                bodyLine = next > lineEnd ? 1 : 0;
            }
            if (next > lineEnd) {
                breaks++;
            }
            pos = next;
        }
        if (end > chunkStart || delimiter != null) {
            nodes.add(ChunkAnalyzer.analyze(firstId < 0 ? "" : "c" + nextId, text, chunkStart, bodyStart, end,
                    breaks - chunkBreaks, bodyLine, delimiter, context));
        }
        return nodes;
    }
}
