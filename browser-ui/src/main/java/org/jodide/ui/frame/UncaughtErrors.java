package org.jodide.ui.frame;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The frame's watch on errors nobody caught (a {@code throw} in a {@code setTimeout}, an
 * unhandled promise rejection), from {@code uncaught-errors.js}, which evalframe.html puts on
 * {@code window.jodideUncaughtErrors}: without it such errors would reach only the browser's
 * devtools, where a notebook's user never looks.
 */
final class UncaughtErrors {
    private UncaughtErrors() {
    }

    @JSFunctor
    interface Reporter extends JSObject {
        /**
         * @param source the readable name of the chunk the error came from, "" when not known
         * @param text   the error and its stack lines in notebook code
         */
        void report(String source, String text);
    }

    /** Starts watching; false when the bundle is missing (errors then go to the devtools only). */
    static boolean watch(Reporter reporter) {
        if (!isLoaded()) {
            return false;
        }
        start(reporter);
        return true;
    }

    @JSBody(script = "return !!window.jodideUncaughtErrors;")
    private static native boolean isLoaded();

    @JSBody(params = "reporter", script = "window.jodideUncaughtErrors.watchUncaughtErrors(window, reporter);")
    private static native void start(Reporter reporter);
}
