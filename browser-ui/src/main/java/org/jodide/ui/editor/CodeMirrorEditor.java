package org.jodide.ui.editor;

import org.jodide.core.run.ChunkState;
import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.Edit;
import org.jodide.ui.codemirror.CodeMirrorModule;
import org.jodide.ui.codemirror.EarlyEditor;
import org.jodide.ui.codemirror.EditorDiagnostics;
import org.jodide.ui.codemirror.EditorOptions;
import org.jodide.ui.codemirror.NotebookCommands;
import org.jodide.ui.codemirror.NotebookEditor;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The notebook editor as CodeMirror 6 ({@code codemirror.js}): .iomd highlighting with each
 * chunk in its own language, a gutter with each chunk's run state, folding per chunk, search,
 * completion. It takes the place of the page's textarea, whose text becomes the document:
 *
 * <pre>{@code
 * SourceEditor editor = new CodeMirrorEditor((HTMLTextAreaElement) document.getElementById("notebook-text"), completer, help);
 * }</pre>
 */
final class CodeMirrorEditor implements SourceEditor {
    /** The editor's colours; {@link #AUTO} follows the system's light or dark setting. */
    enum Theme {
        LIGHT, DARK, AUTO
    }

    private final NotebookEditor editor;
    private final List<ChangeListener> listeners = new ArrayList<>();
    private EditorCommands commands;

    /**
     * @param source the textarea holding the initial notebook; it is hidden and the editor is
     *               put just before it
     * @throws IllegalStateException when the page did not load {@code codemirror.js}
     */
    CodeMirrorEditor(HTMLTextAreaElement source, Completer completer, HelpSource help) {
        CodeMirrorModule module = CodeMirrorModule.current();
        if (module == null) {
            throw new IllegalStateException("codemirror.js is not loaded: the page must set window.jodideCodeMirror");
        }
        EditorOptions options = EditorOptions.create();
        options.setOnChange(this::changed);
        options.setCommands(commandsObject());
        options.setComplete(KernelNames.complete(completer));
        options.setInspect(KernelNames.inspect(help));
        EarlyEditor early = module.getEarly();
        if (early != null) {
            // The page already made the editor from the textarea: take it over, with what was typed meanwhile.
            editor = early.claim(options);
            return;
        }
        HTMLElement host = HTMLDocument.current().createElement("div");
        host.setAttribute("id", "notebook-editor");
        host.setClassName("notebook-editor");
        source.getParentNode().insertBefore(host, source);
        source.setAttribute("hidden", "");
        options.setDoc(source.getValue());
        editor = module.createNotebookEditor(host, options);
    }

    private void changed(int start, int removedLength, String inserted) {
        Edit edit = new Edit(start, removedLength, inserted);
        for (ChangeListener listener : listeners) {
            listener.changed(edit);
        }
    }

    private NotebookCommands commandsObject() {
        NotebookCommands object = NotebookCommands.create();
        object.setRunChunk(() -> command().runChunk());
        object.setRunAndAdvance(() -> command().runAndAdvance());
        object.setRunAll(() -> command().runAll());
        object.setSave(() -> command().save());
        object.setShowHelp(() -> command().showHelp());
        return object;
    }

    private EditorCommands command() {
        return commands != null ? commands : NO_COMMANDS;
    }

    @Override
    public String text() {
        return editor.getText();
    }

    /** Loads {@code text} as a new notebook (fresh undo history); change listeners are not called. */
    @Override
    public void setText(String text) {
        editor.setText(text);
    }

    @Override
    public int cursor() {
        return editor.getCursor();
    }

    @Override
    public void setCursor(int offset) {
        editor.setCursor(offset);
    }

    @Override
    public void focus() {
        editor.focus();
    }

    @Override
    public void onChange(ChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void bindCommands(EditorCommands commands) {
        this.commands = commands;
    }

    @Override
    public void showChunkState(int chunkStart, ChunkState state) {
        editor.setChunkState(chunkStart, state.id());
    }

    @Override
    public void showOutput(String chunkId, int lineEnd, HTMLElement output) {
        editor.setChunkOutput(chunkId, lineEnd, output);
    }

    @Override
    public void clearChunkStates() {
        editor.clearChunkStates();
    }

    @Override
    public void showDiagnostics(List<Diagnostic> diagnostics) {
        EditorDiagnostics shown = EditorDiagnostics.create();
        for (Diagnostic diagnostic : diagnostics) {
            EditorDiagnostics.add(shown, diagnostic.span().start(), diagnostic.span().end(),
                    diagnostic.isError() ? "error" : "warning", diagnostic.message());
        }
        editor.setDiagnostics(shown);
    }

    void setTheme(Theme theme) {
        editor.setTheme(theme.name().toLowerCase(Locale.ROOT));
    }

    private static final EditorCommands NO_COMMANDS = new EditorCommands() {
        @Override
        public void runChunk() {
        }

        @Override
        public void runAndAdvance() {
        }

        @Override
        public void runAll() {
        }

        @Override
        public void save() {
        }

        @Override
        public void showHelp() {
        }
    };
}
