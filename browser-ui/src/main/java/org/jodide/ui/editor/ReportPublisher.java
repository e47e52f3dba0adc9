package org.jodide.ui.editor;

import org.jodide.core.kernel.ReportDisplay;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;
import org.teavm.jso.JSBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keeps the report's markdown and CSS in step with the text: renders a chunk when its content
 * changed since it was last sent, so typing re-renders only the chunk being typed in. Markdown
 * waits for the renderer, which loads after the page starts: until then its chunks are not sent,
 * and {@link #rendererSettled} sends them.
 */
final class ReportPublisher {
    /** Markdown to HTML; null while the renderer is loading (MarkdownEngine::render). */
    private final UnaryOperator<String> markdown;
    private final ReportDisplay frame;
    /** The last content sent to the report, by chunk id (null: shown, to be sent again). */
    private final Map<String, String> published = new HashMap<>();
    /** The kind (MD or CSS) each published chunk had. */
    private final Map<String, String> kinds = new HashMap<>();
    private Notebook notebook;
    /** The address of a notebook opened from elsewhere, which its markdown's relative URLs resolve against; null for the page's own. */
    private String notebookUrl;

    ReportPublisher(ReportDisplay frame, UnaryOperator<String> markdown) {
        this.frame = frame;
        this.markdown = markdown;
    }

    /**
     * Publishes every markdown and CSS chunk that changed (live rendering), and takes out of the
     * report the chunks that are gone or are no longer markdown or CSS; what changed goes to the
     * report at once ({@link ReportDisplay#flushReport}).
     */
    void refresh(Notebook current) {
        notebook = current;
        boolean changed = false;
        Set<String> shown = new HashSet<>();
        for (Chunk chunk : current.chunks()) {
            if (chunk.type() == ChunkType.MD || chunk.type() == ChunkType.CSS) {
                shown.add(chunk.id());
                String kindBefore = kinds.get(chunk.id());
                if (kindBefore != null && !kindBefore.equals(chunk.type().name())) {
                    frame.removeFromReport(chunk.id());
                    published.remove(chunk.id());
                    changed = true;
                }
                changed |= publish(chunk, false);
            }
        }
        for (String id : new ArrayList<>(published.keySet())) {
            if (!shown.contains(id)) {
                published.remove(id);
                kinds.remove(id);
                frame.removeFromReport(id);
                changed = true;
            }
        }
        if (changed) {
            frame.flushReport();
        }
    }

    /**
     * The notebook shown came from {@code url} ({@code ?notebook=}), or from this page, a link or a
     * file (null): its markdown's relative URLs (images, links) resolve against that address, as on
     * the site that holds it. Every chunk is sent again at the next {@link #refresh}.
     */
    void useNotebookUrl(String url) {
        if (!Objects.equals(url, notebookUrl)) {
            notebookUrl = url;
            // Kept as shown (no content), not forgotten: a chunk the next notebook lacks must still
            // be taken out of the report.
            published.replaceAll((id, content) -> null);
        }
    }

    /** Where {@code chunk} shows in the report: its 0-based position in the notebook. */
    int orderOf(Chunk chunk) {
        if (notebook == null) {
            return 0;
        }
        int index = notebook.indexOf(chunk);
        if (index < 0) {
            // A chunk queued before the latest edit: the same chunk in the current version.
            index = notebook.chunkById(chunk.id()).map(notebook::indexOf).orElse(0);
        }
        return Math.max(0, index);
    }

    /** The markdown renderer has loaded (or failed to): sends the markdown chunks that waited for it. */
    void rendererSettled() {
        if (notebook != null) {
            refresh(notebook);
        }
    }

    /**
     * The chunks' languages have loaded, so that code blocks can be highlighted: renders again the
     * markdown chunks that hold a fence (```, ~~~), which were sent without highlighting.
     */
    void codeBlocksHighlightable() {
        if (notebook == null) {
            return;
        }
        boolean changed = false;
        for (Chunk chunk : notebook.chunks()) {
            String content = chunk.content();
            if (chunk.type() == ChunkType.MD && content.equals(published.get(chunk.id()))
                    && (content.contains("```") || content.contains("~~~"))) {
                changed |= publish(chunk, true);
            }
        }
        if (changed) {
            frame.flushReport();
        }
    }

    /** Sends one chunk to the report; with {@code force}, even when unchanged. Whether it sent it. */
    boolean publish(Chunk chunk, boolean force) {
        String content = chunk.content();
        if (!force && content.equals(published.get(chunk.id()))) {
            return false;
        }
        String html = null;
        if (chunk.type() == ChunkType.MD) {
            html = markdown.apply(content);
            if (html == null) {
                return false;
            }
            if (notebookUrl != null) {
                html = resolveRelativeUrls(html, notebookUrl);
            }
        }
        published.put(chunk.id(), content);
        kinds.put(chunk.id(), chunk.type().name());
        int order = orderOf(chunk);
        if (html != null) {
            frame.showHtml(chunk.id(), order, html);
        } else {
            frame.applyCss(chunk.id(), order, content);
        }
        return true;
    }

    /** static/src/main/js/page/html-urls.js: the HTML with its relative URLs made absolute against {@code baseUrl}. */
    @JSBody(params = {"html", "baseUrl"}, script = "return window.jodidePageSupport.resolveRelativeUrls(html, baseUrl);")
    private static native String resolveRelativeUrls(String html, String baseUrl);
}
