package org.jodide.ui.editor;

import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.dom.WindowMessages;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

import java.util.function.Supplier;

/**
 * The toolbar's Copy link ({@code #copy-link}): makes the link that carries the notebook
 * ({@link NotebookLink}), puts it on the clipboard, and shows it selected in the share dialog
 * ({@code #share-dialog}), whose status ({@code #share-status}, {@code data-state} {@code copied},
 * {@code warning} or {@code error}) says whether it was copied and warns when it is longer than
 * {@link NotebookLink#LONG_LINK_CHARACTERS}.
 */
final class ShareLink {
    private final HTMLElement dialogElement;
    private final DialogElement dialog;
    private final HTMLElement status;
    private final HTMLInputElement field;
    private final Supplier<String> text;

    ShareLink(HTMLDocument document, Supplier<String> text) {
        this.text = text;
        this.dialogElement = document.getElementById("share-dialog");
        this.dialog = (DialogElement) dialogElement;
        this.status = document.getElementById("share-status");
        this.field = (HTMLInputElement) document.getElementById("share-link");
        document.getElementById("copy-link").addEventListener("click", event -> share());
        document.getElementById("share-close").addEventListener("click", event -> dialog.close());
        dialogElement.addEventListener("click", event -> {
            if (WindowMessages.same(event.getTarget(), dialogElement)) {
                dialog.close();
            }
        });
    }

    /** Makes the link of the text shown, copies it and shows it. */
    void share() {
        String notebook = text.get();
        NotebookLink.make(notebook, (link, error) -> {
            if (error != null) {
                field.setValue("");
                show("error", "Could not make a link: " + error + ". Download .iomd and share the file instead.");
                return;
            }
            field.setValue(link);
            String length = link.length() + " characters";
            String warning = link.length() > NotebookLink.LONG_LINK_CHARACTERS
                    ? " It is longer than " + NotebookLink.LONG_LINK_CHARACTERS + " characters: chat tools, mail"
                    + " and link shorteners often cut or refuse links this long, and a cut link opens nothing."
                    + " Share the .iomd file (Download .iomd) instead."
                    : "";
            String state = warning.isEmpty() ? "copied" : "warning";
            show(state, "Copying the link (" + length + ")…" + warning);
            copyText(link, refused -> {
                if (refused == null) {
                    show(state, "Link copied to the clipboard (" + length + ")." + warning);
                } else {
                    show(warning.isEmpty() ? "error" : "warning", "The browser did not let the page copy the link ("
                            + refused + "): select it below and copy it (" + length + ")." + warning);
                }
            });
        });
    }

    private void show(String state, String message) {
        status.setAttribute("data-state", state);
        status.setTextContent(message);
        if (!dialog.isOpen()) {
            dialog.showModal();
        }
        field.focus();
        field.select();
    }

    @JSFunctor
    interface Copied extends JSObject {
        /** Null when copied, else why not. */
        void copied(String refused);
    }

    @JSBody(params = {"text", "callback"}, script = "window.jodidePageSupport.copyText(text, callback);")
    private static native void copyText(String text, Copied callback);
}
