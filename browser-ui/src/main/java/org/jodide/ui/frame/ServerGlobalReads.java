package org.jodide.ui.frame;

import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * js chunks' {@code jodide.python.get(name)} while the notebook's Python runs on a Jupyter server: the
 * editor holds the connection, so each read asks it ({@link FrameToEditor.ReadServerGlobal}) and
 * settles when {@link EditorToFrame.ServerGlobal} brings the copy (JSON text, which
 * {@code frame/jodide-global.js} decodes) or why there is none.
 */
final class ServerGlobalReads {
    /** What {@code frame/jodide-global.js}'s {@code setPythonOnServer} calls for each read. */
    @JSFunctor
    interface Reader extends JSObject {
        void read(String name, Text read, Text failed);
    }

    @JSFunctor
    interface Text extends JSObject {
        void text(String text);
    }

    private record Waiting(Text read, Text failed) {
    }

    private final Consumer<FrameToEditor> send;
    private final Map<Integer, Waiting> waiting = new HashMap<>();
    private int nextRequestId = 1;

    ServerGlobalReads(Consumer<FrameToEditor> send) {
        this.send = send;
    }

    /** The reader to give {@code jodide.python.get}. */
    Reader reader() {
        return this::read;
    }

    private void read(String name, Text read, Text failed) {
        int requestId = nextRequestId++;
        waiting.put(requestId, new Waiting(read, failed));
        send.accept(new FrameToEditor.ReadServerGlobal(requestId, name));
    }

    /** The editor's answer: settles the read it answers (an unknown request is ignored). */
    void answer(EditorToFrame.ServerGlobal answer) {
        Waiting read = waiting.remove(answer.requestId());
        if (read == null) {
            return;
        }
        if (answer.json() != null) {
            read.read().text(answer.json());
        } else {
            read.failed().text(answer.error());
        }
    }
}
