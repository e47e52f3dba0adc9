package org.jodide.core.protocol;

import org.jodide.core.Language;

/**
 * Messages the editor page sends to the sandboxed eval frame. Encoded and validated by
 * {@link ProtocolCodec}, the only place that knows their wire form.
 */
public sealed interface EditorToFrame {

    /**
     * Run code in the frame's global scope.
     *
     * @param runId     the editor's id for this run, echoed in every reply
     * @param chunkId   the chunk the code comes from
     * @param firstLine 0-based line, in the notebook, of the code's first line
     */
    record RunCode(int runId, Language language, String chunkId, String code, int firstLine) implements EditorToFrame {
    }

    /**
     * Show (or replace) a chunk's rendered HTML in the report.
     *
     * @param order the chunk's 0-based position in the notebook; the report keeps this order
     */
    record ShowHtml(String chunkId, int order, String html) implements EditorToFrame {
    }

    /** Apply (or replace) a chunk's stylesheet in the report. */
    record ApplyCss(String chunkId, int order, String css) implements EditorToFrame {
    }
}
