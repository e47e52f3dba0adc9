package org.jodide.ui.embed;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One embedded cell's view, made by the embed script ({@code static/src/main/js/embed/cell-view.js}):
 * its code editor, buttons, status and output, in a shadow root of the documentation page.
 */
interface EmbeddedCell extends JSObject {
    /** The block's language: {@code py}, {@code js} or {@code pycon} (a doctest session). */
    @JSProperty
    String getLanguage();

    /** The block's text as the page wrote it. */
    @JSProperty
    String getSource();

    /** Where the cell's output goes. */
    @JSProperty
    HTMLElement getOutput();

    /** The code as the reader has it now. */
    String code();

    void setCode(String code);

    /** Shows a ChunkState, in lower case, as the host element's {@code data-state}. */
    void setState(String state);

    /** A line under the code ("" hides it). */
    void setStatus(String text);

    /** Python's download progress; a total of 0 hides it. */
    void setProgress(double loaded, double total);

    void setStopTitle(String title);

    void clearOutput();

    /** Calls {@code listener} after each edit of the code. */
    void onChange(Changed listener);

    @JSFunctor
    interface Changed extends JSObject {
        void changed();
    }
}
