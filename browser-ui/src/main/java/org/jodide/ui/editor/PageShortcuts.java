package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * The notebook's page-wide keys, for when the focus is outside the editor (on the toolbar, a
 * splitter, the console input...): Alt+H shows or hides the shortcuts, Mod+S saves. The editor
 * binds the same keys itself (notebook-keymap.js) and marks the events handled, so a key pressed
 * in the editor acts once.
 */
final class PageShortcuts {
    private PageShortcuts() {
    }

    static void bind(HTMLDocument document, Runnable toggleHelp, Runnable save, Runnable stop) {
        document.addEventListener("keydown", event -> {
            KeyboardEvent key = (KeyboardEvent) event;
            if (handled(event)) {
                return;
            }
            boolean mod = key.isCtrlKey() || key.isMetaKey();
            if (key.isAltKey() && !mod && !key.isShiftKey() && is(key, "h", "KeyH")) {
                event.preventDefault();
                toggleHelp.run();
            } else if (mod && !key.isAltKey() && !key.isShiftKey() && is(key, ".", "Period")) {
                event.preventDefault();
                stop.run();
            } else if (mod && !key.isAltKey() && !key.isShiftKey() && is(key, "s", "KeyS")) {
                // Also keeps the browser's "Save page as" dialog away.
                event.preventDefault();
                save.run();
            }
        });
    }

    /** By the character, or by the physical key when a modifier changes the character (Alt+H gives "˙" on a Mac). */
    private static boolean is(KeyboardEvent key, String character, String code) {
        return character.equalsIgnoreCase(key.getKey()) || code.equals(key.getCode());
    }

    @JSBody(params = "event", script = "return event.defaultPrevented;")
    private static native boolean handled(Event event);
}
