package org.jodide.core.kernel;

import org.jodide.core.Trust;
import org.jodide.core.protocol.EditorToFrame;

/**
 * The report the kernel's page shows next to the code's output: rendered markdown and stylesheets
 * by chunk, in notebook order, under the page's theme and the notebook's trust. Kept across a
 * kernel restart.
 */
public interface ReportDisplay {
    /** Shows (or replaces) a chunk's rendered HTML; {@code order} is its 0-based place in the notebook. */
    void showHtml(String chunkId, int order, String html);

    /** Applies (or replaces) a css chunk's stylesheet. */
    void applyCss(String chunkId, int order, String css);

    /** Takes a chunk's HTML, stylesheet and output out of the report (the chunk is gone, or is no longer of its kind). */
    void removeFromReport(String chunkId);

    /** Empties a code chunk's output place in the report (the user cleared its output; it is not running). */
    void clearOutput(String chunkId);

    /**
     * Sends the report's changes made so far at once, instead of with the rest of the current
     * task's messages: the report follows typing, and the editor's own update of a keystroke comes
     * after it.
     */
    void flushReport();

    void setTheme(EditorToFrame.Theme theme);

    void setTrust(Trust trust);
}
