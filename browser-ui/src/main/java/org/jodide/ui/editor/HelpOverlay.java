package org.jodide.ui.editor;

import org.jodide.ui.dom.DialogElement;
import org.jodide.ui.dom.WindowMessages;
import org.jodide.ui.dom.Nodes;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/**
 * The keyboard shortcuts dialog ({@code <dialog id="help-dialog">} of index.html), opened by
 * Alt+H and the toolbar's "?" button. It is modal: the rest of the page is inert while it is
 * open, Escape, its close button or a click beside it close it, and the focus goes back to where
 * it was (the editor, usually).
 *
 * <pre>{@code
 * HelpOverlay help = new HelpOverlay(document, KeyboardShortcuts.ALL);
 * help.toggle();
 * }</pre>
 */
final class HelpOverlay {
    private final HTMLDocument document;
    private final HTMLElement dialogElement;
    private final DialogElement dialog;
    /** The shortcuts to list, until the dialog is first opened and lists them; then null. */
    private List<KeyboardShortcuts.Section> unlisted;
    private HTMLElement opener;

    HelpOverlay(HTMLDocument document, List<KeyboardShortcuts.Section> sections) {
        this.document = document;
        this.dialogElement = document.getElementById("help-dialog");
        this.dialog = (DialogElement) dialogElement;
        // Listed on the first open: made here, the table (with String.split's regular expressions,
        // compiled by TeaVM's regex engine running cold) took ~10 ms of the editor page's start.
        this.unlisted = sections;
        document.getElementById("help-close").addEventListener("click", event -> close());
        // A click on the dialog element itself, not on its content, is a click on the backdrop.
        dialogElement.addEventListener("click", event -> {
            if (WindowMessages.same(event.getTarget(), dialogElement)) {
                close();
            }
        });
        dialogElement.addEventListener("close", event -> returnFocus());
    }

    boolean isOpen() {
        return dialog.isOpen();
    }

    void open() {
        if (dialog.isOpen()) {
            return;
        }
        if (unlisted != null) {
            fill(document.getElementById("help-body"), unlisted, isMac());
            unlisted = null;
        }
        opener = document.getActiveElement();
        dialog.showModal();
    }

    void close() {
        if (dialog.isOpen()) {
            dialog.close();
        }
    }

    void toggle() {
        if (dialog.isOpen()) {
            close();
        } else {
            open();
        }
    }

    private void returnFocus() {
        HTMLElement target = opener;
        opener = null;
        if (target != null && target != document.getBody() && Nodes.isConnected(target)) {
            target.focus();
        }
    }

    private void fill(HTMLElement body, List<KeyboardShortcuts.Section> sections, boolean mac) {
        body.setInnerHTML("");
        int index = 0;
        for (KeyboardShortcuts.Section section : sections) {
            HTMLElement part = element("section", "help-section");
            String headingId = "help-section-" + (index++);
            part.setAttribute("aria-labelledby", headingId);
            HTMLElement heading = element("h3", null);
            heading.setAttribute("id", headingId);
            heading.setTextContent(section.title());
            part.appendChild(heading);
            HTMLElement table = element("table", null);
            HTMLElement rows = element("tbody", null);
            for (KeyboardShortcuts.Shortcut shortcut : section.shortcuts()) {
                HTMLElement row = element("tr", null);
                HTMLElement keys = element("th", null);
                keys.setAttribute("scope", "row");
                appendKeys(keys, shortcut.keysFor(mac));
                HTMLElement action = element("td", null);
                action.setTextContent(shortcut.action());
                row.appendChild(keys);
                row.appendChild(action);
                rows.appendChild(row);
            }
            table.appendChild(rows);
            part.appendChild(table);
            body.appendChild(part);
        }
    }

    /** {@code "Ctrl+Shift+Enter / F3"}: a {@code <kbd>} per key, with the separators as text between them. */
    private void appendKeys(HTMLElement cell, String keys) {
        String[] alternatives = keys.split(" / ");
        for (int a = 0; a < alternatives.length; a++) {
            if (a > 0) {
                cell.appendChild(document.createTextNode(" / "));
            }
            String[] steps = alternatives[a].split(" then ");
            for (int s = 0; s < steps.length; s++) {
                if (s > 0) {
                    cell.appendChild(document.createTextNode(" then "));
                }
                String[] pressed = steps[s].split("\\+");
                for (int k = 0; k < pressed.length; k++) {
                    if (k > 0) {
                        cell.appendChild(document.createTextNode("+"));
                    }
                    HTMLElement key = element("kbd", null);
                    key.setTextContent(pressed[k]);
                    cell.appendChild(key);
                }
            }
        }
    }

    private HTMLElement element(String tag, String className) {
        HTMLElement element = document.createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    @JSBody(script = "return window.jodidePageSupport.isMacPlatform();")
    static native boolean isMac();
}
