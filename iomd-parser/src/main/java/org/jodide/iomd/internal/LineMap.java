package org.jodide.iomd.internal;

import java.util.Arrays;

/** Line starts of one range of a text, to turn offsets into 0-based lines and 1-based columns in O(log n). */
final class LineMap {
    private int[] starts;
    private int count;

    LineMap(String s, int from, int to) {
        starts = new int[16];
        starts[count++] = from;
        int pos = from;
        while (pos < to) {
            int lineEnd = Lines.lineEnd(s, pos, to);
            if (lineEnd >= to) {
                break;
            }
            pos = Lines.nextLineStart(s, lineEnd, to);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = pos;
        }
    }

    /** 0-based line, counted from the range start, of offset {@code offset} (an offset into the whole text). */
    int line(int offset) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** 1-based column of {@code offset} on its line, in UTF-16 code units. */
    int column(int offset) {
        return offset - starts[line(offset)] + 1;
    }

}
