package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Overlay of the {@code commands} option: what the notebook's keys do (Mod-Enter runChunk,
 * Shift-Enter runAndAdvance, Mod-Shift-Enter runAll, Mod-s save, Alt-h showHelp).
 */
public interface NotebookCommands extends JSObject {
    @JSBody(script = "return {};")
    static NotebookCommands create() {
        throw new UnsupportedOperationException("browser only");
    }

    @JSProperty
    void setRunChunk(Command command);

    @JSProperty
    void setRunAndAdvance(Command command);

    @JSProperty
    void setRunAll(Command command);

    @JSProperty
    void setSave(Command command);

    @JSProperty
    void setShowHelp(Command command);

    @JSFunctor
    interface Command extends JSObject {
        void run();
    }
}
