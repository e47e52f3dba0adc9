package org.jodide.iomd;

/**
 * One change to a notebook's text: replace {@code removedLength} UTF-16 code units at 0-based
 * offset {@code start} by {@code inserted}. An editor's change event maps onto it directly
 * (CodeMirror: {@code from}, {@code to - from}, {@code insert}).
 *
 * <pre>{@code
 * Notebook after = parser.reparse(before, new Edit(12, 0, "x"));
 * }</pre>
 */
public record Edit(int start, int removedLength, String inserted) {
    public Edit {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, was " + start);
        }
        if (removedLength < 0) {
            throw new IllegalArgumentException("removedLength must be >= 0, was " + removedLength);
        }
        if (inserted == null) {
            throw new IllegalArgumentException("inserted must not be null");
        }
    }

    /** 0-based offset, in the old text, just after the removed range. */
    public int removedEnd() {
        return start + removedLength;
    }

    /** How much longer the text gets (negative when it gets shorter), in UTF-16 code units. */
    public int delta() {
        return inserted.length() - removedLength;
    }

    /** {@code text} with this edit applied. */
    public String applyTo(String text) {
        if (removedEnd() > text.length()) {
            throw new IllegalArgumentException("edit [" + start + ", " + removedEnd() + ") is outside a text of length " + text.length());
        }
        return text.substring(0, start) + inserted + text.substring(removedEnd());
    }
}
