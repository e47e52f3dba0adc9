package org.jodide.ui.editor;

import org.jodide.core.PageShortcut;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The notebook's page-wide keys ({@link PageShortcut}: Alt+H shortcuts, Mod+S save, Mod+. stop,
 * Mod+P print), for when the focus is outside the editor (on the toolbar, a splitter, the console
 * input...), and as the report's frame forwards them. The editor binds some of the same keys
 * itself (notebook-keymap.js) and marks the events handled, so a key pressed in the editor acts
 * once.
 */
final class PageShortcuts {
    private final Map<PageShortcut, Runnable> actions;

    /** {@code actions} must give every shortcut its action. */
    PageShortcuts(Map<PageShortcut, Runnable> actions) {
        this.actions = new EnumMap<>(actions);
        for (PageShortcut shortcut : PageShortcut.values()) {
            if (!this.actions.containsKey(shortcut)) {
                throw new IllegalArgumentException("no action for the page shortcut " + shortcut);
            }
        }
    }

    /** Acts on the page-wide keys pressed on {@code document}, unless something handled them first. */
    void bind(HTMLDocument document) {
        document.addEventListener("keydown", event -> {
            KeyboardEvent key = (KeyboardEvent) event;
            if (handled(event)) {
                return;
            }
            PageShortcut.of(key.getKey(), key.getCode(), key.isCtrlKey() || key.isMetaKey(), key.isAltKey(),
                    key.isShiftKey()).ifPresent(shortcut -> {
                        // Also keeps the browser's own dialogs (Save page as, Print) away.
                        event.preventDefault();
                        act(shortcut);
                    });
        });
    }

    /** Does what {@code shortcut} does. */
    void act(PageShortcut shortcut) {
        actions.get(shortcut).run();
    }

    /** Acts on a shortcut pressed elsewhere (the report's frame) only while this page has a user's activation. */
    Consumer<PageShortcut> fromUserOnly() {
        return shortcut -> UserActivation.whenActive(active -> {
            if (active) {
                act(shortcut);
            }
        });
    }

    @JSBody(params = "event", script = "return event.defaultPrevented;")
    private static native boolean handled(Event event);
}
