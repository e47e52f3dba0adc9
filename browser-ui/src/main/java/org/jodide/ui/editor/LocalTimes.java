package org.jodide.ui.editor;

import org.teavm.jso.JSBody;

/** Now, and moments as the user's locale writes them, for the toolbar, the console and the Notebooks list. */
final class LocalTimes {
    private LocalTimes() {
    }

    /** Milliseconds since the Unix epoch. */
    @JSBody(script = "return Date.now();")
    static native double now();

    /** @param epochMillis milliseconds since the Unix epoch; gives e.g. "14:05" */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});")
    static native String time(double epochMillis);

    /** @param epochMillis milliseconds since the Unix epoch; gives the date and the time */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleString();")
    static native String dateTime(double epochMillis);
}
