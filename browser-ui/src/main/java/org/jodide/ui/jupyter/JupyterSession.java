package org.jodide.ui.jupyter;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSString;

/**
 * A kernel on a Jupyter server, as {@code static/src/main/js/jupyter/kernel-bridge.js} gives it:
 * calls with callbacks. The token it was connected with is not in it.
 */
interface JupyterSession extends JSObject {
    /** Where the kernel runs, e.g. {@code python3 on http://127.0.0.1:8888/}. */
    String describe();

    @JSProperty
    String getServerUrl();

    void run(String code, RunEvents events);

    void interrupt(Failed failed);

    void restart(Done restarted, Failed failed);

    void complete(String code, int cursor, Names names);

    /** Help on the name at {@code cursor} (Jupyter's inspect_request), as plain text; "" when there is none. */
    void inspect(String code, int cursor, Text text);

    void variables(Listed listed);

    /**
     * A copy of the kernel's global {@code name} as JSON text (global-value.js encodes it,
     * frame/python-copies.js decodes it), or why not (no such global, no copy, the connection).
     */
    void readGlobal(String name, Text read, Failed failed);

    void onStatus(StatusListener listener);

    /** Hears what the kernel prints after the run that printed it ended (a thread's, an asyncio task's print). */
    void onOutputOutsideRuns(Stream listener);

    /** The folders and notebooks (.ipynb, .iomd, .py) of the server's folder {@code path} ("" for its root), folders first. */
    void listFolder(String path, Entries listed, Failed failed);

    /** The text of the notebook file {@code path} on the server (an .ipynb as its JSON). */
    void readNotebook(String path, Text read, Failed failed);

    /** Writes a notebook's .ipynb text as {@code path} on the server (server-files.js); {@code replace}: over a file there. */
    void saveNotebook(String path, String ipynbText, boolean replace, Saved saved, SaveFailed failed);

    /** Copies data files ({@code {name: {bytes, lastUpdated}}}) to the server's root folder, never over its own files (server-files.js). */
    void copyDataFiles(JSObject files, Copied copied, Failed failed);

    /** The names copied and the names the server had already, each joined by line feeds. */
    @JSFunctor
    interface Copied extends JSObject {
        void copied(String copiedNames, String keptNames);
    }

    void dispose();

    /** What one run does, as it does it. */
    interface RunEvents extends JSObject {
        @JSBody(script = "return {};")
        static RunEvents create() {
            throw new UnsupportedOperationException("browser only");
        }

        @JSProperty
        void setStream(Stream stream);

        @JSProperty
        void setDisplay(Display display);

        @JSProperty
        void setValue(Text value);

        @JSProperty
        void setInput(Input input);

        /** Jupyter's clear_output: at once, or (wait) when the next output comes. */
        @JSProperty
        void setClear(Clear clear);

        /** How long the kernel took, by its clock: just before {@code done}, when the kernel says. */
        @JSProperty
        void setTimed(Milliseconds timed);

        /** Called last, once: null, or the run's traceback (or why it could not finish). */
        @JSProperty
        void setDone(Text done);
    }

    @JSFunctor
    interface Milliseconds extends JSObject {
        void milliseconds(double milliseconds);
    }

    @JSFunctor
    interface Stream extends JSObject {
        void stream(String name, String text);
    }

    /** A display, or ({@code update}) new content for the displays of {@code displayId} ("" for none). */
    @JSFunctor
    interface Display extends JSObject {
        void display(String mimeType, String data, String displayId, boolean update);
    }

    @JSFunctor
    interface Text extends JSObject {
        void text(String text);
    }

    @JSFunctor
    interface Input extends JSObject {
        void ask(String prompt, boolean password, Text reply);
    }

    @JSFunctor
    interface Done extends JSObject {
        void done();
    }

    @JSFunctor
    interface Clear extends JSObject {
        void clear(boolean wait);
    }

    @JSFunctor
    interface Failed extends JSObject {
        void failed(String message);
    }

    @JSFunctor
    interface Names extends JSObject {
        void names(JSArrayReader<JSString> names);
    }

    @JSFunctor
    interface Listed extends JSObject {
        void listed(JSArrayReader<Variable> variables);
    }

    /** One of the kernel's variables. */
    interface Variable extends JSObject {
        @JSProperty
        String getName();

        @JSProperty
        String getType();

        @JSProperty
        String getRepr();
    }

    @JSFunctor
    interface Entries extends JSObject {
        void listed(JSArrayReader<Entry> entries);
    }

    /** A folder or a notebook of a folder of the server. */
    interface Entry extends JSObject {
        @JSProperty
        String getName();

        /** From the server's root, with '/' between folders. */
        @JSProperty
        String getPath();

        @JSProperty
        boolean isFolder();
    }

    /** The notebook was written as {@code path}; {@code url} opens it in JupyterLab on the server. */
    @JSFunctor
    interface Saved extends JSObject {
        void saved(String path, String url);
    }

    /** Why the notebook was not written; {@code exists}: a file is at the path, and replacing it was not asked. */
    @JSFunctor
    interface SaveFailed extends JSObject {
        void failed(String message, boolean exists);
    }

    @JSFunctor
    interface StatusListener extends JSObject {
        void changed(String status, String detail);
    }
}
