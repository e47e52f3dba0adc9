package org.jodide.ui.codemirror;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** Overlay of the request the editor passes to its {@code complete} callback. */
public interface CompletionRequest extends JSObject {
    /** The chunk type as written after %% in lower case ({@code py}, {@code js}, ...), or {@code unknown}. */
    @JSProperty
    String getLanguage();

    /** The chunk's body from its first character up to the cursor. */
    @JSProperty
    String getChunkText();

    /** The cursor's line up to the cursor. */
    @JSProperty
    String getLineText();

    /** The cursor, a 0-based UTF-16 offset into the document. */
    @JSProperty
    int getPos();
}
