package org.jodide.iomd;

/**
 * A range of the notebook text: {@code start} inclusive, {@code end} exclusive, both 0-based
 * offsets in UTF-16 code units (the units of {@link String#charAt}).
 */
public record SourceSpan(int start, int end) {
    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** True when {@code offset} lies in this span; the end offset counts, so a cursor after the last character is inside. */
    public boolean containsCursor(int offset) {
        return offset >= start && offset <= end;
    }
}
