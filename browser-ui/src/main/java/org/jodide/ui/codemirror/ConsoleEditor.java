package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Overlay of the console's input that {@code createConsoleEditor} of {@code codemirror.js} makes
 * ({@code static/src/main/js/editor/console-editor.js}).
 */
public interface ConsoleEditor extends JSObject {
    /** The input's text. */
    String text();

    /** Shows {@code text}, the cursor at its end. */
    void show(String text);

    /** Highlights, completes and explains {@code language} ({@code py}, {@code js}) from now on, with {@code hint} as placeholder. */
    void setLanguage(String language, String hint);

    /** {@code light}, {@code dark} or {@code auto}. */
    void setTheme(String theme);

    void focus();

    /** Overlay of the options of {@code createConsoleEditor}. */
    interface Options extends JSObject {
        @JSBody(script = "return {};")
        static Options create() {
            throw new UnsupportedOperationException("browser only");
        }

        @JSProperty
        void setLanguage(String language);

        @JSProperty
        void setOnEnter(Enter handler);

        @JSProperty
        void setOnHistory(History handler);

        @JSProperty
        void setComplete(EditorOptions.CompleteHandler handler);

        @JSProperty
        void setInspect(EditorOptions.InspectHandler handler);

        @JSProperty
        void setTheme(String theme);
    }

    /** Enter was pressed with {@code text} in the input (blank, perhaps). */
    @JSFunctor
    interface Enter extends JSObject {
        void enter(String text);
    }

    /** ↑ on the first line ({@code step} -1) or ↓ on the last (1): true if an input of the history is shown. */
    @JSFunctor
    interface History extends JSObject {
        boolean step(int step);
    }
}
