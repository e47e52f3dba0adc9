package org.jodide.iomd;

/**
 * A range of the notebook text: {@code start} inclusive, {@code end} exclusive, both 0-based
 * offsets in UTF-16 code units (the units of {@link String#charAt} and of JavaScript strings).
 *
 * <pre>{@code
 * SourceSpan span = new SourceSpan(6, 10);
 * text.substring(span.start(), span.end());
 * }</pre>
 */
public record SourceSpan(int start, int end) {
    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + "): need 0 <= start <= end");
        }
    }

    /** Length in UTF-16 code units. */
    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** True when {@code offset} lies in this span; the end offset counts, so a cursor after the last character is inside. */
    public boolean containsCursor(int offset) {
        return offset >= start && offset <= end;
    }

    /** This span moved by {@code delta} UTF-16 code units (negative moves left). */
    public SourceSpan shiftedBy(int delta) {
        return delta == 0 ? this : new SourceSpan(start + delta, end + delta);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
