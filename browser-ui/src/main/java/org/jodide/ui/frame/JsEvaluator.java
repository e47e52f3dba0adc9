package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Runs JavaScript for the notebook in the eval frame's global scope: the code of {@code js}
 * chunks (indirect eval, the way Iodide did: top-level {@code var} and function declarations
 * become globals, the last expression's value is the result, a returned promise is awaited) and
 * the evaluators of language plugins; what they log on the console is their output (stdout, or stderr
 * for warnings and errors). The JavaScript is {@code static/src/main/js/frame/js-evaluator.js},
 * on {@code window.jodideFrameRuntime} (see evalframe.html). A value with a rich form (what a
 * renderer the notebook added with {@code iodide.addOutputRenderer} or its own {@code iodideRender()}
 * gives: value-renderers.js) is displayed as HTML instead of returned, as Python's are.
 */
final class JsEvaluator {
    private JsEvaluator() {
    }

    @JSFunctor
    interface Reply extends JSObject {
        /**
         * @param html     the value's rich form, shown instead of {@code value}; or null
         * @param problems what went wrong rendering the value (it then shows as text); or null
         */
        void done(String value, String error, String html, String problems);
    }

    /** What the code logs on the console while it runs (console-capture.js). */
    @JSFunctor
    interface Print extends JSObject {
        /** @param stream "stdout" or "stderr"; {@code text} ends with a line break */
        void print(String stream, String text);
    }

    /** What the console hears between runs, and the chunk the call came from (console-capture.js). */
    @JSFunctor
    interface LogOutsideRuns extends JSObject {
        /**
         * @param source the readable name of the chunk whose code logged ("" when its stack names none)
         * @param stream "stdout" or "stderr"; {@code text} ends with a line break
         */
        void logged(String source, String stream, String text);
    }

    /**
     * Sends what the window's console hears while no run of this frame's JavaScript is going (a
     * timer, an event handler, a promise's callback after its chunk ended) to {@code listener}.
     */
    static void watchLogsOutsideRuns(LanguageRuntime.OutputOutsideRuns listener) {
        logOutsideRuns((source, stream, text) -> listener.printed(source, OutputStream.ofStreamName(stream), text));
    }

    @JSBody(params = "logged", script = "window.jodideFrameRuntime.logOutsideRuns(window.console, logged);")
    private static native void logOutsideRuns(LogOutsideRuns logged);

    /** The listener's output: the console's log, info, debug and dir as stdout, warn, error and assert as stderr. */
    private static Print printTo(ExecutionListener listener) {
        return (stream, text) -> listener.output(OutputStream.ofStreamName(stream), text);
    }

    /** What the listener hears of a reply: what rendering said, the value's HTML, then the end. */
    private static Reply replyTo(ExecutionListener listener) {
        return (value, error, html, problems) -> {
            if (problems != null) {
                listener.output(OutputStream.STDERR, problems + "\n");
            }
            if (html != null) {
                listener.display("text/html", html);
            }
            listener.finished(value, error);
        };
    }

    /**
     * @param firstLine  0-based notebook line of the code's first line: error positions are notebook lines
     * @param sourceName the readable name errors show ({@link SourceNames}); the devtools show it as a URL
     */
    static void evaluate(String code, int firstLine, String sourceName, ExecutionListener listener) {
        evaluate(code, firstLine, SourceNames.asUrl(sourceName), sourceName, replyTo(listener), printTo(listener));
    }

    /**
     * Calls a plugin's evaluator: {@code globalThis[module][method](code)}, awaiting the result
     * when it is a promise (an {@code asyncEvaluator}).
     */
    static void callPlugin(String module, String method, String code, ExecutionListener listener) {
        callPlugin(module, method, code, replyTo(listener), printTo(listener));
    }

    /** Whether {@code globalThis[module][method]} is a function. */
    @JSBody(params = {"module", "method"}, script = "return window.jodideFrameRuntime.hasFunction(module, method);")
    static native boolean hasFunction(String module, String method);

    @JSBody(params = {"code", "firstLine", "sourceUrl", "label", "reply", "print"},
            script = "window.jodideFrameRuntime.evaluateChunk(code, firstLine, sourceUrl, label, reply, {print: print});")
    private static native void evaluate(String code, int firstLine, String sourceUrl, String label, Reply reply, Print print);

    @JSBody(params = {"module", "method", "code", "reply", "print"},
            script = "window.jodideFrameRuntime.callPlugin(module, method, code, reply, {print: print});")
    private static native void callPlugin(String module, String method, String code, Reply reply, Print print);
}
