package org.jodide.ui.codemirror;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** Overlay of the request the editor passes to its {@code inspect} callback on Shift-Tab ({@code context-help.js}). */
public interface HelpRequest extends JSObject {
    /** The chunk type ({@code py}, {@code js}). */
    @JSProperty
    String getLanguage();

    /** The chunk's body from its first character up to the cursor. */
    @JSProperty
    String getBefore();

    /** The chunk's body from the cursor to its end. */
    @JSProperty
    String getAfter();

    /** Answers a request once: the help text, "" for none. */
    @JSFunctor
    interface Resolver extends JSObject {
        void resolve(String text);
    }
}
