package org.jodide.core.output;

/**
 * How much of a run's printed text a view keeps on screen: the last {@code maxLines} lines. The
 * views append everything as it arrives and, when told, drop lines from the front; dropping in
 * batches ({@code slack} lines over the cap at a time, and exactly to the cap when the run
 * finishes) keeps the cost of a long output linear. Optionally keeps the full text (up to
 * {@code maxKeptChars} UTF-16 units, the start of it beyond that) for a download.
 *
 * <p>A line is the text up to and including a line feed; text after the last line feed is a
 * line too (a partial one). Not thread-safe: one per run, on the page's thread.
 */
public final class LineCap {
    /** Lines a view shows of one run. */
    public static final int MAX_LINES = 10_000;
    /** Lines over {@link #MAX_LINES} a view may show while the run goes on, before it trims. */
    public static final int SLACK = 5_000;
    /** Characters of a run's text kept for download: 25 M UTF-16 units, 50 MB. */
    public static final int MAX_KEPT_CHARS = 25 * 1024 * 1024;

    private final int maxLines;
    private final int slack;
    private final int maxKeptChars;
    /** The text kept for download, joined only when asked for. */
    private final TextPieces kept = new TextPieces();
    private boolean keptAll = true;
    /** Line feeds among the lines shown. */
    private long shownBreaks;
    /** Whether the shown text ends with a partial line (no line feed yet). */
    private boolean partial;
    private long hidden;

    public LineCap(int maxLines, int slack, int maxKeptChars) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
        }
        if (slack < 0) {
            throw new IllegalArgumentException("slack must not be negative, was " + slack);
        }
        if (maxKeptChars < 0) {
            throw new IllegalArgumentException("maxKeptChars must not be negative, was " + maxKeptChars);
        }
        this.maxLines = maxLines;
        this.slack = slack;
        this.maxKeptChars = maxKeptChars;
    }

    /** The cap for the editor's views: {@link #MAX_LINES}, {@link #SLACK}, full text kept up to {@link #MAX_KEPT_CHARS}. */
    public static LineCap standard() {
        return new LineCap(MAX_LINES, SLACK, MAX_KEPT_CHARS);
    }

    /**
     * Records text a view has just shown; returns how many lines the view must now drop from its
     * front (usually 0).
     */
    public int append(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        keep(text);
        // An int, not a long: TeaVM makes every long operation a BigInt one, which per line is slow.
        int breaks = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            breaks++;
        }
        shownBreaks += breaks;
        partial = text.charAt(text.length() - 1) != '\n';
        return shown() > (long) maxLines + slack ? drop(shown() - maxLines) : 0;
    }

    /** The run finished: how many lines the views must drop to show exactly the last {@code maxLines}. */
    public int settle() {
        return shown() > maxLines ? drop(shown() - maxLines) : 0;
    }

    /** Lines shown now (after the drops asked for so far). */
    public long shown() {
        return shownBreaks + (partial ? 1 : 0);
    }

    /** Lines dropped from the front so far. */
    public long hidden() {
        return hidden;
    }

    /** The text kept for download: all of it when {@link #keptAll()}, else its first {@code maxKeptChars} units. */
    public String keptText() {
        return kept.joined();
    }

    /** Whether {@link #keptText()} is the whole text printed. */
    public boolean keptAll() {
        return keptAll;
    }

    /** Whether any text is kept for download at all. */
    public boolean keepsText() {
        return maxKeptChars > 0;
    }

    private int drop(long lines) {
        // Only whole lines (ending in a line feed) are dropped: the partial last line is always shown.
        int count = (int) Math.min(lines, shownBreaks);
        shownBreaks -= count;
        hidden += count;
        return count;
    }

    private void keep(String text) {
        if (!keptAll) {
            return;
        }
        int room = maxKeptChars - kept.length();
        String piece = text.length() <= room ? text : text.substring(0, Math.max(0, room));
        kept.add(piece);
        keptAll = piece.length() == text.length();
    }
}
