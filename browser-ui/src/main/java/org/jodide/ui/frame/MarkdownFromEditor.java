package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.output.MarkdownToHtml;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The report's markdown renderer: the editor's. The frame carries none (flexmark would triple its
 * program); a text/markdown output asks the editor ({@link FrameToEditor.RenderMarkdown}) and shows
 * the HTML when {@link EditorToFrame.MarkdownHtml} brings it. A frame that runs Python on its own
 * thread gets the answer once the run has let go of the thread.
 */
final class MarkdownFromEditor implements MarkdownToHtml {
    private final Consumer<FrameToEditor> send;
    private final Map<Integer, Consumer<String>> waiting = new HashMap<>();
    private int nextRequestId = 1;

    MarkdownFromEditor(Consumer<FrameToEditor> send) {
        this.send = send;
    }

    @Override
    public void render(String markdown, Consumer<String> html) {
        int requestId = nextRequestId++;
        waiting.put(requestId, html);
        send.accept(new FrameToEditor.RenderMarkdown(requestId, markdown));
    }

    /** The editor's answer: shows the HTML where it was asked for (an unknown request is ignored). */
    void answer(EditorToFrame.MarkdownHtml answer) {
        Consumer<String> html = waiting.remove(answer.requestId());
        if (html != null) {
            html.accept(answer.html());
        }
    }
}
