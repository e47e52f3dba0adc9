package org.jodide.iomd.internal;

import java.util.Arrays;

/**
 * Splits a text into chunks in one pass: each line is looked at once, and only its first two
 * characters decide whether it starts a chunk. Linear in the length of the text; allocates one
 * node per chunk (plus the type and flag words that are not keywords).
 */
final class ChunkScanner {
    private ChunkScanner() {
    }

    /**
     * Splits all of {@code text}, which must start at a line start of the notebook.
     *
     * @param context what a bare delimiter on the first line would inherit
     * @param firstId the number of the first id to hand out (ids are {@code "c" + n}), or -1 to
     *                leave ids unset (-1) for the caller to assign
     * @return the nodes, in order
     */
    static ChunkNode[] scan(String text, TypeContext context, int firstId) {
        int end = text.length();
        boolean cr = text.indexOf('\r') >= 0;
        ChunkNode[] nodes = new ChunkNode[16];
        int count = 0;
        int nextId = firstId;
        DelimiterReader reader = new DelimiterReader();
        DelimiterReader delimiter = null;
        int chunkStart = 0;
        int bodyStart = 0;
        int breaks = 0;
        int chunkBreaks = 0;
        int pos = 0;
        while (pos < end) {
            int lineEnd = cr ? Lines.lineEnd(text, pos, end) : Lines.lineEndNoCr(text, pos, end);
            int next = Lines.nextLineStart(text, lineEnd, end);
            if (DelimiterReader.isDelimiter(text, pos, end)) {
                // spec: text before the first delimiter is a preamble; an empty one is no chunk.
                if (pos > chunkStart || delimiter != null) {
                    ChunkNode node = ChunkAnalyzer.node(firstId < 0 ? -1 : nextId++, text, chunkStart, bodyStart, pos,
                            breaks - chunkBreaks, delimiter, context);
                    if (count == nodes.length) {
                        nodes = Arrays.copyOf(nodes, count * 2);
                    }
                    nodes[count++] = node;
                    context = node.outgoing();
                }
                chunkStart = pos;
                chunkBreaks = breaks;
                reader.read(text, pos, lineEnd);
                delimiter = reader;
                bodyStart = next;
            }
            if (next > lineEnd) {
                breaks++;
            }
            pos = next;
        }
        if (end > chunkStart || delimiter != null) {
            if (count == nodes.length) {
                nodes = Arrays.copyOf(nodes, count + 1);
            }
            nodes[count++] = ChunkAnalyzer.node(firstId < 0 ? -1 : nextId, text, chunkStart, bodyStart, end,
                    breaks - chunkBreaks, delimiter, context);
        }
        return count == nodes.length ? nodes : Arrays.copyOf(nodes, count);
    }
}
