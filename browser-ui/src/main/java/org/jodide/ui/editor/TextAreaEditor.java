package org.jodide.ui.editor;

import org.jodide.core.run.ChunkState;
import org.jodide.iomd.Edit;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/** A plain textarea as the notebook editor: no highlighting, no gutter. */
final class TextAreaEditor implements SourceEditor {
    private final HTMLTextAreaElement textarea;
    private String lastText;

    TextAreaEditor(HTMLTextAreaElement textarea) {
        this.textarea = textarea;
        this.lastText = textarea.getValue();
    }

    @Override
    public String text() {
        return textarea.getValue();
    }

    @Override
    public void setText(String text) {
        textarea.setValue(text);
        lastText = text;
    }

    @Override
    public int cursor() {
        return textarea.getSelectionStart();
    }

    @Override
    public void setCursor(int offset) {
        textarea.setSelectionRange(offset, offset);
    }

    @Override
    public void focus() {
        textarea.focus();
    }

    @Override
    public void onChange(ChangeListener listener) {
        textarea.addEventListener("input", event -> {
            String now = textarea.getValue();
            Edit edit = difference(lastText, now);
            lastText = now;
            listener.changed(edit);
        });
    }

    /** The one edit that turns {@code before} into {@code after}: what lies between their common prefix and suffix. */
    static Edit difference(String before, String after) {
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new Edit(prefix, before.length() - prefix - suffix, after.substring(prefix, after.length() - suffix));
    }

    @Override
    public void bindCommands(EditorCommands commands) {
        textarea.addEventListener("keydown", event -> {
            KeyboardEvent key = (KeyboardEvent) event;
            boolean mod = key.isCtrlKey() || key.isMetaKey();
            if ("Enter".equals(key.getKey()) && key.isShiftKey() && mod) {
                key.preventDefault();
                commands.runAll();
            } else if ("Enter".equals(key.getKey()) && key.isShiftKey()) {
                key.preventDefault();
                commands.runAndAdvance();
            } else if ("Enter".equals(key.getKey()) && mod) {
                key.preventDefault();
                commands.runChunk();
            } else if (mod && "s".equalsIgnoreCase(key.getKey())) {
                key.preventDefault();
                commands.save();
            } else if (key.isAltKey() && "h".equalsIgnoreCase(key.getKey())) {
                key.preventDefault();
                commands.showHelp();
            }
        });
    }

    @Override
    public void showChunkState(int chunkStart, ChunkState state) {
        // A textarea has no gutter: states show in the console.
    }

    @Override
    public void clearChunkStates() {
    }
}
