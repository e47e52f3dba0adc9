package org.jodide.ui.editor;

import org.jodide.core.markdown.MarkdownRenderer;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the report's markdown and CSS in step with the text: renders a chunk when its content
 * changed since it was last sent, so typing re-renders only the chunk being typed in.
 */
final class ReportPublisher {
    private final MarkdownRenderer markdown;
    private final EvalFrame frame;
    /** The last content sent to the report, by chunk id. */
    private final Map<String, String> published = new HashMap<>();
    private Notebook notebook;

    ReportPublisher(EvalFrame frame, MarkdownRenderer markdown) {
        this.frame = frame;
        this.markdown = markdown;
    }

    /** Publishes every markdown and CSS chunk that changed (live rendering). */
    void refresh(Notebook current) {
        notebook = current;
        List<Chunk> chunks = current.chunks();
        for (Chunk chunk : chunks) {
            if (chunk.type() == ChunkType.MD || chunk.type() == ChunkType.CSS) {
                publish(chunk, false);
            }
        }
    }

    /** Sends one chunk to the report; with {@code force}, even when unchanged. */
    void publish(Chunk chunk, boolean force) {
        String content = chunk.content();
        if (!force && content.equals(published.get(chunk.id()))) {
            return;
        }
        published.put(chunk.id(), content);
        int order = notebook == null ? 0 : Math.max(0, notebook.indexOf(chunk));
        if (chunk.type() == ChunkType.MD) {
            frame.showHtml(chunk.id(), order, markdown.render(content));
        } else {
            frame.applyCss(chunk.id(), order, content);
        }
    }
}
