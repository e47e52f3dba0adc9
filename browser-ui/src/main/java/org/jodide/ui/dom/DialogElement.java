package org.jodide.ui.dom;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Overlay of {@code HTMLDialogElement}. {@link #showModal} makes the rest of the page inert
 * (focus stays in the dialog) and Escape closes it, with a {@code close} event.
 */
public interface DialogElement extends JSObject {
    void showModal();

    void close();

    @JSProperty
    boolean isOpen();
}
