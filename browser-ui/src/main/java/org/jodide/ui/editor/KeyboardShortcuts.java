package org.jodide.ui.editor;

import java.util.List;

/**
 * Every keyboard shortcut of the notebook page, as the help overlay lists them. The editor's
 * come from static/src/main/js/editor: notebook-keymap.js (running, saving, help) and the
 * CodeMirror keymaps index.js installs (search, folding, completion, history, commands); the
 * console input's from {@link ReplInput} (console-editor.js); the splitters' from {@link PaneSplitter}. Keep this
 * list in step with them.
 *
 * <p>Keys are written {@code Mod+Shift+Enter}: {@code Mod} is Cmd on a Mac and Ctrl elsewhere,
 * {@code +} joins keys pressed together, {@code " then "} keys pressed one after the other, and
 * {@code " / "} separates alternatives.
 */
final class KeyboardShortcuts {
    /** One shortcut; {@code macKeys} is null when the Mac uses the same keys (with Cmd for Mod). */
    record Shortcut(String keys, String macKeys, String action) {
        Shortcut {
            if (keys == null || keys.isBlank() || action == null || action.isBlank()) {
                throw new IllegalArgumentException("a shortcut needs keys and an action");
            }
        }

        /** The keys to show: {@code Mod} as Cmd or Ctrl. */
        String keysFor(boolean mac) {
            String shown = mac && macKeys != null ? macKeys : keys;
            return shown.replace("Mod", mac ? "Cmd" : "Ctrl");
        }
    }

    record Section(String title, List<Shortcut> shortcuts) {
        Section {
            shortcuts = List.copyOf(shortcuts);
        }
    }

    static final List<Section> ALL = List.of(
            new Section("Running chunks", List.of(
                    of("Shift+Enter", "Run the chunk at the cursor and move to the next one"),
                    of("Mod+Enter", "Run the chunk at the cursor, staying there"),
                    of("Mod+Shift+Enter", "Run all chunks"),
                    of("Alt+Enter", "Run the chunk at the cursor and insert a chunk of its language below"),
                    of("Mod+.", "Stop the running code (Python in a worker: KeyboardInterrupt, variables kept)"))),
            new Section("Notebook", List.of(
                    of("Mod+S", "Save a draft in this browser (Download .iomd keeps a file)"),
                    of("Mod+P", "Print the report with its outputs, or save it as PDF"),
                    of("Alt+H", "Show or hide these shortcuts"),
                    of("Escape", "Close these shortcuts"))),
            new Section("Editor", List.of(
                    mac("Ctrl+Space", "Ctrl+Space / Alt+`", "Complete: Python names, chunk types after %%, fetch types"),
                    of("Shift+Tab", "Help on the name at the cursor, or the call it is in: signature, type, docstring (Escape closes it)"),
                    of("Mod+Shift+-", "Split the chunk at the cursor: the rest goes into a new chunk of its language"),
                    of("Mod+F", "Find and replace"),
                    of("Enter / F3 / Mod+G", "Next match (with Shift: previous)"),
                    of("Mod+Alt+G", "Go to line"),
                    of("Mod+D", "Select the next occurrence"),
                    of("Mod+Shift+L", "Select all occurrences"),
                    mac("Ctrl+Shift+[", "Mod+Alt+[", "Fold the chunk (on its %% line) or the block at the cursor"),
                    mac("Ctrl+Shift+]", "Mod+Alt+]", "Unfold"),
                    of("Ctrl+Alt+[", "Fold everything"),
                    of("Ctrl+Alt+]", "Unfold everything"),
                    of("Mod+Z", "Undo"),
                    mac("Mod+Y", "Mod+Shift+Z", "Redo"),
                    of("Mod+/", "Comment or uncomment the lines"),
                    of("Tab / Shift+Tab", "Indent / unindent"),
                    of("Alt+↑ / Alt+↓", "Move the line up / down"),
                    of("Escape then Tab", "Leave the editor (Tab alone indents)"),
                    mac("Ctrl+M", "Shift+Alt+M", "Switch Tab between indenting and moving the focus"))),
            new Section("Console input", List.of(
                    of("Enter", "Run the input (py or js, as chosen beside it)"),
                    of("Shift+Enter", "Add a line"),
                    of("↑ / ↓", "Earlier / later input from the history (on the first / last line)"),
                    of("Tab / Ctrl+Space", "Complete the name before the cursor from the kernel"),
                    of("Shift+Tab", "Help on the name at the cursor, or the call it is in"))),
            new Section("Page", List.of(
                    of("Tab / Shift+Tab", "Move between the controls"),
                    of("← / → / ↑ / ↓", "On a splitter: resize the panes (Shift: faster; Home / End: smallest / largest)"))));

    private KeyboardShortcuts() {
    }

    private static Shortcut of(String keys, String action) {
        return new Shortcut(keys, null, action);
    }

    private static Shortcut mac(String keys, String macKeys, String action) {
        return new Shortcut(keys, macKeys, action);
    }
}
