package org.jodide.ui.editor;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The answer of an asynchronous read in the page's JavaScript (a notebook fetched, a file read,
 * a link decoded or made): a text, or why there is none.
 */
@JSFunctor
interface TextAnswer extends JSObject {
    /** Exactly one of {@code text} and {@code error} is non-null. */
    void answer(String text, String error);
}
