package org.jodide.ui.codemirror;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** Overlay of the {@code options} object of {@code createNotebookEditor}. */
public interface EditorOptions extends JSObject {
    @JSBody(script = "return {};")
    static EditorOptions create() {
        throw new UnsupportedOperationException("browser only");
    }

    /** The initial document. */
    @JSProperty
    void setDoc(String doc);

    @JSProperty
    void setOnChange(ChangeHandler handler);

    @JSProperty
    void setCommands(NotebookCommands commands);

    @JSProperty
    void setComplete(CompleteHandler handler);

    @JSProperty
    void setInspect(InspectHandler handler);

    /** {@code light}, {@code dark} or {@code auto} (the default). */
    @JSProperty
    void setTheme(String theme);

    /**
     * Called once per changing transaction with the change as one edit of the document before
     * it: replace {@code removedLength} code units at {@code start} (0-based UTF-16) by {@code inserted}.
     */
    @JSFunctor
    interface ChangeHandler extends JSObject {
        void changed(int start, int removedLength, String inserted);
    }

    /** Asked for help on the name at the cursor (Shift-Tab); must call {@code resolver} once, later or at once. */
    @JSFunctor
    interface InspectHandler extends JSObject {
        void inspect(HelpRequest request, HelpRequest.Resolver resolver);
    }

    /** Asked for completions; must call {@code resolver} once, later or at once. */
    @JSFunctor
    interface CompleteHandler extends JSObject {
        void complete(CompletionRequest request, CompletionResult.Resolver resolver);
    }
}
