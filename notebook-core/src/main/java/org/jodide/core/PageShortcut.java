package org.jodide.core;

import java.util.Optional;

/**
 * The notebook page's page-wide keys: they act wherever the focus is, on the editor page or in the
 * report's frame (which forwards them, {@code FrameToEditor.ShortcutPressed}). {@code Mod} is Ctrl,
 * or Cmd on a Mac; a key is recognised by its character, or by its physical key when a modifier
 * changes the character (Alt+H gives "˙" on a Mac).
 */
public enum PageShortcut {
    /** Alt+H: show or hide the list of keyboard shortcuts. */
    HELP(false, true, "h", "KeyH"),
    /** Mod+S: save the notebook (and keep the browser's "Save page as" away). */
    SAVE(true, false, "s", "KeyS"),
    /** Mod+.: stop the running code. */
    STOP(true, false, ".", "Period"),
    /** Mod+P: print the report (the browser's own Print would print the page's panes). */
    PRINT(true, false, "p", "KeyP");

    private final boolean mod;
    private final boolean alt;
    private final String character;
    private final String code;

    PageShortcut(boolean mod, boolean alt, String character, String code) {
        this.mod = mod;
        this.alt = alt;
        this.character = character;
        this.code = code;
    }

    /**
     * The shortcut a key press is, if any.
     *
     * @param key   the event's {@code key} (the character)
     * @param code  the event's {@code code} (the physical key)
     * @param mod   Ctrl or Cmd held
     * @param alt   Alt (Option) held
     * @param shift Shift held: no page shortcut uses it
     */
    public static Optional<PageShortcut> of(String key, String code, boolean mod, boolean alt, boolean shift) {
        if (shift) {
            return Optional.empty();
        }
        for (PageShortcut shortcut : values()) {
            if (shortcut.mod == mod && shortcut.alt == alt
                    && (shortcut.character.equalsIgnoreCase(key) || shortcut.code.equals(code))) {
                return Optional.of(shortcut);
            }
        }
        return Optional.empty();
    }
}
