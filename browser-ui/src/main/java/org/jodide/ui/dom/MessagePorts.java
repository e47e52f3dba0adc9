package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A {@code MessageChannel} between the editor page and the eval frame. The editor makes the
 * channel and hands one port to the frame with {@link #postWithPort}; from then on the frame sends
 * through that port. Why a port: Chromium holds window messages posted by a busy out-of-process
 * frame (a Python loop printing 100,000 lines) until its task ends, while a port delivers them
 * within milliseconds, so output shows as it is printed. Only the two ends hold the ports.
 */
public final class MessagePorts {
    private MessagePorts() {
    }

    /** The two ends of a new channel. */
    public interface Channel extends JSObject {
    }

    /** One end of a channel. */
    public interface Port extends JSObject {
    }

    @JSFunctor
    public interface Handler extends JSObject {
        /** {@code data} is null when the message was not a string (never one of ours). */
        void onMessage(String data);
    }

    @JSBody(script = "return new MessageChannel();")
    public static native Channel create();

    /** The end this page keeps. */
    @JSBody(params = "channel", script = "return channel.port1;")
    public static native Port localEnd(Channel channel);

    /** The end handed to the other window. */
    @JSBody(params = "channel", script = "return channel.port2;")
    public static native Port remoteEnd(Channel channel);

    /** Posts {@code data} to {@code target}, transferring {@code port} with it. */
    @JSBody(params = {"target", "data", "targetOrigin", "port"}, script = "target.postMessage(data, targetOrigin, [port]);")
    public static native void postWithPort(JSObject target, String data, String targetOrigin, Port port);

    @JSBody(params = {"port", "handler"}, script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).listenPort(port, handler);")
    public static native void listen(Port port, Handler handler);

    /** Posts {@code data}; the messages posted in one task go as one (page-events.js postToPort). */
    @JSBody(params = {"port", "data"}, script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).postToPort(port, data);")
    public static native void post(Port port, String data);

    /**
     * Posts {@code bytes} (an {@code ArrayBuffer}, copied) as {@code name}, after what waits: the message
     * that names them must come next (page/message-bytes.js).
     */
    @JSBody(params = {"port", "name", "bytes"},
            script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).postBytesToPort(port, name, bytes);")
    public static native void postBytes(Port port, String name, JSObject bytes);

    /** The bytes last received as {@code name} through a port ({@link #postBytes}), forgotten here; null if none came. */
    @JSBody(params = "name", script = "return (window.jodidePageSupport || window.jodideEmbed.pageSupport).takeBytes(name);")
    public static native JSObject takeBytes(String name);

    /** Posts what waits now, rather than once the current task's microtasks run. */
    @JSBody(params = "port", script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).flushPort(port);")
    public static native void flush(Port port);

    /** Posts what waits, then closes the port. */
    @JSBody(params = "port", script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).closePort(port);")
    public static native void close(Port port);
}
