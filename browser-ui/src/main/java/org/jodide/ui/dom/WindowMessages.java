package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * {@code postMessage} between the editor page and the eval frame, carrying the protocol's JSON
 * strings. Receivers get the sender window and origin so they can check who is talking.
 */
public final class WindowMessages {
    private WindowMessages() {
    }

    @JSFunctor
    public interface Handler extends JSObject {
        /** {@code data} is null when the message was not a string (never one of ours). */
        void onMessage(JSObject source, String origin, String data);
    }

    @JSBody(params = "handler", script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).listenMessages(handler);")
    public static native void listen(Handler handler);

    @JSFunctor
    public interface PortHandler extends JSObject {
        /** Like {@link Handler}, with the first port transferred with the message, or null. */
        void onMessage(JSObject source, String origin, String data, MessagePorts.Port port);
    }

    @JSBody(params = "handler", script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).listenMessagesWithPorts(handler);")
    public static native void listenWithPorts(PortHandler handler);

    @JSBody(params = {"target", "data", "targetOrigin"}, script = "target.postMessage(data, targetOrigin);")
    public static native void post(JSObject target, String data, String targetOrigin);

    @JSBody(params = {"a", "b"}, script = "return a === b;")
    public static native boolean same(JSObject a, JSObject b);

    @JSBody(script = "return window.parent;")
    public static native JSObject parentWindow();
}
