package org.jodide.iomd.internal;

/**
 * A run of consecutive chunks, with their starts and first lines relative to the block. Immutable
 * and shared between notebook versions: an edit rebuilds only the blocks it touches.
 */
final class Block {
    final ChunkNode[] nodes;
    /** Start of each chunk, relative to the block start (0-based UTF-16 offsets). */
    final int[] starts;
    /** First line of each chunk, relative to the block's first line (0-based). */
    final int[] lines;
    /** Length of the block in UTF-16 code units. */
    final int length;
    /** Number of line breaks in the block. */
    final int breaks;

    /** The block of {@code nodes[from, to)}. */
    Block(ChunkNode[] source, int from, int to) {
        int n = to - from;
        nodes = new ChunkNode[n];
        starts = new int[n];
        lines = new int[n];
        int start = 0;
        int line = 0;
        for (int i = 0; i < n; i++) {
            ChunkNode node = source[from + i];
            nodes[i] = node;
            starts[i] = start;
            lines[i] = line;
            start += node.length();
            line += node.lineCount();
        }
        length = start;
        breaks = line;
    }

    int size() {
        return nodes.length;
    }

    /** Index of the last chunk starting at or before {@code offset} (relative to the block), or -1. */
    int indexAt(int offset) {
        int lo = 0;
        int hi = nodes.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
