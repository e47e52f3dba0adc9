package org.jodide.ui.frame;

import org.jodide.core.PageShortcut;
import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;

import java.util.function.Consumer;

/**
 * The notebook page's page-wide keys ({@link PageShortcut}) pressed while the focus is in the
 * report: the editor acts on them as on its own page ({@link FrameToEditor.ShortcutPressed}), so
 * Ctrl+P prints the report rather than the browser printing the page's panes, and Ctrl+S saves the
 * notebook rather than the page. A key that notebook code handled (its own listener called
 * {@code preventDefault()}) is left to it, and so is one a script made up.
 */
final class ShortcutForwarding {
    private ShortcutForwarding() {
    }

    static void install(Consumer<FrameToEditor> send) {
        Window.current().addEventListener("keydown", event -> {
            KeyboardEvent key = (KeyboardEvent) event;
            if (handledOrMadeUp(event)) {
                return;
            }
            PageShortcut.of(key.getKey(), key.getCode(), key.isCtrlKey() || key.isMetaKey(), key.isAltKey(),
                    key.isShiftKey()).ifPresent(shortcut -> {
                        event.preventDefault();
                        send.accept(new FrameToEditor.ShortcutPressed(shortcut));
                    });
        });
    }

    @JSBody(params = "event", script = "return event.defaultPrevented || !event.isTrusted;")
    private static native boolean handledOrMadeUp(Event event);
}
