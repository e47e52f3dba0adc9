package org.jodide.ui.embed;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A whole notebook in a documentation page ({@code static/src/main/js/embed/notebook-view.js}): a
 * {@code <script type="text/iomd">}, a {@code [data-iomd-src]} fetched from its URL, or a markdown
 * block. The application shows its chunks in it: markdown rendered, code as cells.
 */
interface EmbeddedNotebook extends JSObject {
    /** The notebook's .iomd text; null when it could not be read ({@link #getError}). */
    @JSProperty
    String getText();

    /** Why the notebook's URL could not be read; null when it was. */
    @JSProperty
    String getError();

    /** Shows {@code element} (a rendered markdown chunk, whose text is {@code source}) as the notebook's next piece. */
    void addMarkdown(HTMLElement element, String source);

    /**
     * A line saying that a chunk of {@code language} (whose text is {@code source}) does not run in
     * the page; "Open in Jodide" keeps the chunk.
     */
    void addNote(String text, String language, String source);

    void setStatus(String text);
}
