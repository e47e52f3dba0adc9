package org.jodide.ui.jupyter;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

import java.util.function.Consumer;

/**
 * Connects the notebook to a Jupyter server: loads the client (jupyter-client.js, only now: most
 * notebooks never connect) and starts a Python kernel there. Runs in the editor's page only: the
 * token goes from the user's field to the client and nowhere else (not to the eval frame, not into
 * the notebook).
 */
public final class JupyterClient {
    private JupyterClient() {
    }

    /**
     * @param url   the server's address; it may carry {@code ?token=}
     * @param token the token, or "" when the address carries it (or the server needs none)
     */
    public static void connect(String url, String token, Consumer<JupyterKernel> connected, Consumer<String> failed) {
        load(module -> connectKernel(module, url, token, session -> connected.accept(new JupyterKernel(session)), failed::accept),
                failed::accept);
    }

    @JSFunctor
    private interface Loaded extends JSObject {
        void loaded(JSObject module);
    }

    @JSFunctor
    private interface Connected extends JSObject {
        void connected(JupyterSession session);
    }

    @JSFunctor
    private interface Failed extends JSObject {
        void failed(String message);
    }

    @JSBody(params = {"loaded", "failed"}, script = "window.jodidePageSupport.loadJupyterClient(loaded, failed);")
    private static native void load(Loaded loaded, Failed failed);

    @JSBody(params = {"module", "url", "token", "connected", "failed"},
            script = "module.connectKernel(url, token, connected, failed);")
    private static native void connectKernel(JSObject module, String url, String token, Connected connected, Failed failed);
}
