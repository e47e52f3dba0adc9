package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.markdown.MarkdownRenderer;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor's commands do to a notebook: runs a chunk by its kind (markdown and CSS into
 * the report, JS and Python in the kernel), runs them all, and keeps the report's markdown and
 * CSS live as the text changes.
 */
final class NotebookController {
    private final IomdParser parser = IomdParser.create();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final EvalFrame frame;
    private final ConsoleView console;
    /** The last content published to the report, by "kind:chunkId", so unchanged chunks are not re-sent. */
    private final Map<String, String> published = new HashMap<>();

    NotebookController(EvalFrame frame, ConsoleView console) {
        this.frame = frame;
        this.console = console;
    }

    Notebook parse(String text) {
        return parser.parse(text);
    }

    /**
     * Runs the chunk holding the cursor.
     *
     * @param cursor 0-based UTF-16 offset of the cursor
     * @return the chunk after it, where "run and advance" moves the cursor
     */
    Optional<Chunk> runAt(String text, int cursor) {
        Notebook notebook = parse(text);
        Optional<Chunk> chunk = notebook.chunkAt(cursor);
        if (chunk.isEmpty()) {
            return Optional.empty();
        }
        run(notebook, chunk.get());
        return notebook.next(chunk.get());
    }

    void runAll(String text) {
        Notebook notebook = parse(text);
        for (Chunk chunk : notebook.chunks()) {
            if (!chunk.skipRunAll()) {
                run(notebook, chunk);
            }
        }
    }

    /** Re-renders markdown and CSS chunks whose content changed: the report follows the text as it is typed. */
    void refreshReport(String text) {
        Notebook notebook = parse(text);
        List<Chunk> chunks = notebook.chunks();
        for (int order = 0; order < chunks.size(); order++) {
            Chunk chunk = chunks.get(order);
            if (chunk.type() == ChunkType.MD || chunk.type() == ChunkType.CSS) {
                publish(chunk, order);
            }
        }
    }

    private void run(Notebook notebook, Chunk chunk) {
        int order = notebook.chunks().indexOf(chunk);
        Optional<Language> language = Language.of(chunk.type());
        if (language.isPresent()) {
            String label = chunk.typeName() + " · line " + (chunk.bodyLine() + 1);
            frame.execute(new ExecuteRequest(language.get(), chunk.id(), chunk.content(), chunk.bodyLine()),
                    console.begin(label, chunk.content()));
        } else if (chunk.type() == ChunkType.MD || chunk.type() == ChunkType.CSS) {
            publish(chunk, order);
        } else if (chunk.type() != ChunkType.PREAMBLE && chunk.type() != ChunkType.RAW) {
            console.note("Line " + chunk.bodyLine() + ": %% " + chunk.typeName() + " chunks do not run in this version of Jodide.");
        }
    }

    private void publish(Chunk chunk, int order) {
        String key = chunk.type() + ":" + chunk.id();
        String content = chunk.content();
        String last = published.get(key);
        if (content.equals(last)) {
            return;
        }
        published.put(key, content);
        if (chunk.type() == ChunkType.MD) {
            frame.showHtml(chunk.id(), order, markdown.render(content));
        } else {
            frame.applyCss(chunk.id(), order, content);
        }
    }
}
